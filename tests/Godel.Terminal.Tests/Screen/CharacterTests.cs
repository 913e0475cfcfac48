// Golden screens for wide and combining characters and the DEC line-drawing set.
using Godel.Terminal.Tests.Support;

namespace Godel.Terminal.Tests.Screen;

public sealed class CharacterTests
{
    [Fact]
    public void Wide_characters_take_two_cells_and_appear_once_in_capture()
    {
        var t = Term.Create(10, 2);
        t.Feed("a日b");
        Assert.Equal("a日b", t.Text());
        Assert.Equal((0, 4), t.Cursor());
        Assert.Equal(2, t.Screen.GetCell(0, 1).Width);
        Assert.Equal(0, t.Screen.GetCell(0, 2).Width);
        Assert.Equal("日", t.Screen.GetCell(0, 1).Text);
    }

    [Fact]
    public void Wide_character_at_the_last_column_wraps_whole()
    {
        var t = Term.Create(5, 2);
        t.Feed("abcd日");
        Assert.Equal("abcd\n日", t.Text());
        Assert.True(t.Screen.IsWrapped(0));
    }

    [Fact]
    public void Overwriting_half_of_a_wide_character_blanks_the_other_half()
    {
        Assert.Equal("a xc", Term.Run("a日c\e[3Gx", 10, 2));
        Assert.Equal("x  c", Term.Run("日 c\e[1Gx", 10, 2));
    }

    [Fact]
    public void Combining_marks_join_the_previous_cell()
    {
        var t = Term.Create(10, 2);
        t.Feed("e\u0301x");
        Assert.Equal("e\u0301x", t.Text());
        Assert.Equal("e\u0301", t.Screen.GetCell(0, 0).Text);
        Assert.Equal((0, 2), t.Cursor());
    }

    [Fact]
    public void Dec_special_graphics_draw_lines_and_si_so_switch_sets()
    {
        Assert.Equal("┌─┐ab", Term.Run("\e(0lqk\e(Bab"));
        Assert.Equal("a│b", Term.Run("\e)0a\u000ex\u000fb"));
    }

    [Fact]
    public void Emoji_are_wide()
    {
        var t = Term.Create(10, 2);
        t.Feed("😀!");
        Assert.Equal(2, t.Screen.GetCell(0, 0).Width);
        Assert.Equal("!", t.Screen.GetCell(0, 2).Text);
    }
}
