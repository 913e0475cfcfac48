// Golden screens for DECSTBM, origin mode and scrolling inside a region.
using Godel.Terminal.Tests.Support;

namespace Godel.Terminal.Tests.Screen;

public sealed class ScrollRegionTests
{
    private const string Five = "1\r\n2\r\n3\r\n4\r\n5";

    [Fact]
    public void Line_feed_at_the_region_bottom_scrolls_only_the_region()
    {
        var t = Term.Create(10, 5);
        t.Feed(Five + "\e[2;4r\e[4;1H\nx");
        Assert.Equal("1\n3\n4\nx\n5", t.Text());
        Assert.Equal(0, t.Screen.ScrollbackLineCount); // region not at the top: nothing to history
    }

    [Fact]
    public void Setting_margins_homes_the_cursor()
    {
        var t = Term.Create(10, 5);
        t.Feed("\e[3;3H\e[2;4r");
        Assert.Equal((0, 0), t.Cursor());
    }

    [Fact]
    public void Origin_mode_makes_cup_relative_to_the_region_and_clamps_to_it()
    {
        var t = Term.Create(10, 5);
        t.Feed("\e[2;4r\e[?6h\e[1;1Hx\e[9;1Hy");
        Assert.Equal("\nx\n\ny", t.Text());
    }

    [Fact]
    public void Cursor_position_report_is_origin_aware()
    {
        var events = new RecordingEvents();
        var t = Term.Create(10, 5, events);
        t.Feed("\e[2;4r\e[?6h\e[2;3H\e[6n\e[?6l\e[4;5H\e[6n");
        Assert.Equal(["\e[2;3R", "\e[4;5R"], events.Replies);
    }

    [Fact]
    public void Insert_and_delete_lines_stay_inside_the_region()
    {
        Assert.Equal("1\n\n2\n3\n5", Term.Run(Five + "\e[2;4r\e[2;1H\e[L", 10, 5));
        Assert.Equal("1\n3\n4\n\n5", Term.Run(Five + "\e[2;4r\e[2;1H\e[M", 10, 5));
    }

    [Fact]
    public void Scroll_up_and_down_move_the_region()
    {
        Assert.Equal("1\n3\n4\n\n5", Term.Run(Five + "\e[2;4r\e[S", 10, 5));
        Assert.Equal("1\n\n2\n3\n5", Term.Run(Five + "\e[2;4r\e[T", 10, 5));
    }

    [Fact]
    public void Reverse_index_at_region_top_scrolls_region_down()
    {
        Assert.Equal("1\n\n2\n3\n5", Term.Run(Five + "\e[2;4r\e[2;1H\eM", 10, 5));
    }

    [Fact]
    public void Cursor_up_stops_at_the_top_margin()
    {
        var t = Term.Create(10, 5);
        t.Feed("\e[2;4r\e[3;1H\e[9A");
        Assert.Equal((1, 0), t.Cursor());
        t.Feed("\e[9B");
        Assert.Equal((3, 0), t.Cursor());
    }
}
