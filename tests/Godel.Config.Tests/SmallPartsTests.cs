// Suggestions, naming, key chords and terminal sizes: the small parsers the loader relies on.
using Godel.Config.Binding;
using Godel.Config.Diagnostics;
using Godel.Config.Model;
using Godel.Config.Validation;

namespace Godel.Config.Tests;

public sealed class SmallPartsTests
{
    [Theory]
    [InlineData("theem", "theme")]
    [InlineData("scrolback_bytes", "scrollback_bytes")]
    [InlineData("zzzzzz", null)]
    public void Suggestions_find_likely_typos_only(string input, string? expected) =>
        Assert.Equal(expected, Suggestions.Closest(input, ["theme", "layout", "scrollback_bytes", "log_bytes"]));

    [Fact]
    public void Names_map_to_snake_and_kebab_case()
    {
        Assert.Equal("api_key_env", TomlNaming.Key(nameof(ProviderConfig.ApiKeyEnv)));
        Assert.Equal("input_per_mtok", TomlNaming.Key(nameof(ModelPrice.InputPerMTok)));
        Assert.Equal("openai-compatible", TomlNaming.EnumValue(ProviderType.OpenAICompatible));
        Assert.Equal("openai", TomlNaming.EnumValue(ProxyApi.OpenAI));
        Assert.Equal("argument", TomlNaming.EnumValue(PromptMode.Argument));
    }

    [Theory]
    [InlineData("Ctrl+G", true, false, false, "G")]
    [InlineData("alt+shift+left", false, true, true, "Left")]
    [InlineData("F5", false, false, false, "F5")]
    [InlineData("Ctrl+\\", true, false, false, "\\")]
    [InlineData("Ctrl++", true, false, false, "+")]
    public void Key_chords_parse(string text, bool ctrl, bool alt, bool shift, string key)
    {
        Assert.True(KeyChord.TryParse(text, out var chord, out var error), error);
        Assert.Equal(new KeyChord(ctrl, alt, shift, key), chord);
    }

    [Theory]
    [InlineData("Ctrl+")]
    [InlineData("Super+A")]
    [InlineData("Ctrl+Escape2")]
    public void Bad_key_chords_explain_why(string text)
    {
        Assert.False(KeyChord.TryParse(text, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Theory]
    [InlineData("80x24", true)]
    [InlineData("80X24", false)]
    [InlineData("x24", false)]
    [InlineData("2000x24", false)]
    public void Terminal_sizes_parse(string text, bool ok) => Assert.Equal(ok, TerminalSize.TryParse(text, out _, out _));
}
