// Bundled themes are complete and valid; theme files are validated like config, with positions and suggestions.
using Godel.Config.Themes;

namespace Godel.Config.Tests;

public sealed class ThemeTests
{
    [Fact]
    public void The_required_themes_are_bundled()
    {
        Assert.Superset(new HashSet<string> { "dark", "light", "high-contrast", "basic16" }, EmbeddedDefaults.ThemeNames.ToHashSet());
    }

    [Theory]
    [InlineData("dark")]
    [InlineData("light")]
    [InlineData("high-contrast")]
    [InlineData("basic16")]
    public void Each_bundled_theme_styles_every_role_itself(string name)
    {
        var result = ThemeLoader.Load(name);

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Equal(name, result.Theme!.Name);
        Assert.Equal(Enum.GetValues<ThemeRole>().Length, result.Theme.Styles.Count);
        Assert.DoesNotMatch("(?m)^inherits", EmbeddedDefaults.ThemeText(name)!);
    }

    [Fact]
    public void The_16_colour_fallback_uses_only_ansi_colours()
    {
        Assert.True(ThemeLoader.Load("basic16").Theme!.IsAnsi16);
        Assert.False(ThemeLoader.Load("dark").Theme!.IsAnsi16);
    }

    [Fact]
    public void Roles_read_colours_and_attributes()
    {
        var theme = ThemeLoader.Load("dark").Theme!;

        var waiting = theme[ThemeRole.AgentWaiting];
        Assert.Equal(ThemeColorKind.Rgb, waiting.Foreground.Kind);
        Assert.Equal(0xebcb8b, waiting.Foreground.Value);
        Assert.True(waiting.Bold);
        Assert.Equal(ThemeColorKind.Default, waiting.Background.Kind);
    }

    [Fact]
    public void Errors_in_a_theme_file_point_at_their_position()
    {
        var result = ThemeLoader.Parse("""
            inherits = "dark"
            [roles]
            pane_titel = { fg = "red" }
            diff_added = { fg = "gren", bg = "#12345" }
            error = { fg = "red", blink = true }
            """, "mine.toml");

        var messages = result.Diagnostics.Select(d => d.ToString()).ToList();
        Assert.Null(result.Theme);
        Assert.Contains("mine.toml:3:1: unknown role 'pane_titel' (did you mean 'pane_title'?)", messages);
        Assert.Contains(messages, m => m.StartsWith("mine.toml:4:21: roles.diff_added.fg: 'gren' is not a colour (did you mean 'green'?)", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("mine.toml:4:34: roles.diff_added.bg: '#12345' is not a colour", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("mine.toml:5:23: roles.error: unknown key 'blink'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_theme_without_inherits_must_style_every_role()
    {
        var result = ThemeLoader.Parse("[roles]\ntext = { fg = \"white\" }\n", "partial.toml");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Contains("does not style text_muted, pane_title", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("inherits = \"dark\"", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inherits_fills_the_roles_a_theme_leaves_out()
    {
        var result = ThemeLoader.Parse("name = \"mine\"\ninherits = \"basic16\"\n[roles]\ntext = { fg = \"color(250)\" }\n", "mine.toml");

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Equal("color(250)", result.Theme![ThemeRole.Text].Foreground.ToString());
        Assert.Equal(ThemeLoader.Load("basic16").Theme![ThemeRole.DiffAdded], result.Theme[ThemeRole.DiffAdded]);
    }

    [Fact]
    public void An_unknown_theme_suggests_the_closest_name()
    {
        var result = ThemeLoader.Load("ligth");

        Assert.Contains("unknown theme 'ligth' (did you mean 'light'?)", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("default", ThemeColorKind.Default, 0)]
    [InlineData("bright_white", ThemeColorKind.Indexed, 15)]
    [InlineData("color(200)", ThemeColorKind.Indexed, 200)]
    [InlineData("#0a0b0c", ThemeColorKind.Rgb, 0x0a0b0c)]
    public void Colours_parse(string text, ThemeColorKind kind, int value)
    {
        Assert.True(ThemeColor.TryParse(text, out var color));
        Assert.Equal(new ThemeColor(kind, value), color);
        Assert.Equal(text, color.ToString());
    }

    [Theory]
    [InlineData("color(256)")]
    [InlineData("#gggggg")]
    [InlineData("Red")]
    public void Bad_colours_do_not_parse(string text) => Assert.False(ThemeColor.TryParse(text, out _));
}
