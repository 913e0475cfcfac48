// SGR decoding: attributes, 16/256/RGB colours in ';' and ':' forms, underline styles and colour.
using Godel.Terminal.Screen;
using Godel.Terminal.Tests.Support;

namespace Godel.Terminal.Tests.Screen;

public sealed class SgrTests
{
    private static CellView First(string sgr)
    {
        var t = Term.Create();
        t.Feed(sgr + "x");
        return t.Screen.GetCell(0, 0);
    }

    [Fact]
    public void Attributes_set_and_clear()
    {
        Assert.Equal(CellAttributes.Bold | CellAttributes.Italic | CellAttributes.Inverse, First("\e[1;3;7m").Attributes);
        Assert.Equal(CellAttributes.Dim | CellAttributes.Blink | CellAttributes.Hidden | CellAttributes.Strikethrough, First("\e[2;5;8;9m").Attributes);
        Assert.Equal(CellAttributes.Italic, First("\e[1;2;3m\e[22m").Attributes);
        Assert.Equal(CellAttributes.None, First("\e[1;3;5;7;8;9;53m\e[22;23;25;27;28;29;55m").Attributes);
        Assert.Equal(CellAttributes.Overline, First("\e[53m").Attributes);
        Assert.Equal(CellAttributes.None, First("\e[1;31m\e[m").Attributes);
    }

    [Fact]
    public void Underline_styles()
    {
        Assert.Equal(UnderlineStyle.Single, First("\e[4m").Underline);
        Assert.Equal(UnderlineStyle.Double, First("\e[21m").Underline);
        Assert.Equal(UnderlineStyle.Curly, First("\e[4:3m").Underline);
        Assert.Equal(UnderlineStyle.Dotted, First("\e[4:4m").Underline);
        Assert.Equal(UnderlineStyle.Dashed, First("\e[4:5m").Underline);
        Assert.Equal(UnderlineStyle.None, First("\e[4:3m\e[4:0m").Underline);
        Assert.Equal(UnderlineStyle.None, First("\e[4m\e[24m").Underline);
    }

    [Fact]
    public void Colours_in_every_form()
    {
        Assert.Equal(Color.Ansi(1), First("\e[31m").Foreground);
        Assert.Equal(Color.Ansi(12), First("\e[94m").Foreground);
        Assert.Equal(Color.Ansi(2), First("\e[42m").Background);
        Assert.Equal(Color.Ansi(15), First("\e[107m").Background);
        Assert.Equal(Color.Indexed(208), First("\e[38;5;208m").Foreground);
        Assert.Equal(Color.Indexed(208), First("\e[38:5:208m").Foreground);
        Assert.Equal(Color.Rgb(1, 2, 3), First("\e[38;2;1;2;3m").Foreground);
        Assert.Equal(Color.Rgb(1, 2, 3), First("\e[48:2::1:2:3m").Background);
        Assert.Equal(Color.Rgb(1, 2, 3), First("\e[48:2:1:2:3m").Background);
        Assert.Equal(Color.Default, First("\e[31;41m\e[39;49m").Foreground);
        Assert.Equal(Color.Rgb(9, 8, 7), First("\e[58;2;9;8;7;4m").UnderlineColor);
        Assert.Equal(Color.Indexed(5), First("\e[58:5:5m").UnderlineColor);
        Assert.Equal(Color.Default, First("\e[58:5:5m\e[59m").UnderlineColor);
    }

    [Fact]
    public void Colour_then_more_parameters_in_one_sequence()
    {
        var c = First("\e[38;5;100;1;48;2;10;20;30;4m");
        Assert.Equal(Color.Indexed(100), c.Foreground);
        Assert.Equal(Color.Rgb(10, 20, 30), c.Background);
        Assert.Equal(CellAttributes.Bold, c.Attributes);
        Assert.Equal(UnderlineStyle.Single, c.Underline);
    }

    [Fact]
    public void Erase_uses_the_background_colour()
    {
        var t = Term.Create(5, 2);
        t.Feed("\e[44m\e[2K");
        Assert.Equal(Color.Ansi(4), t.Screen.GetCell(0, 4).Background);
        Assert.Equal("", t.Screen.GetCell(0, 4).Text);
    }
}
