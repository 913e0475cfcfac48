// The ConPTY command-line quoting (pure, so it runs on every platform) against the CommandLineToArgvW rules.
using Godel.Pty.Windows;

namespace Godel.Pty.Tests;

public sealed class WindowsCommandLineTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("two words", "\"two words\"")]
    [InlineData("", "\"\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData(@"C:\dir\", @"C:\dir\")]
    [InlineData(@"C:\my dir\", "\"C:\\my dir\\\\\"")]
    [InlineData("a\\\"b", "\"a\\\\\\\"b\"")]
    public void Arguments_are_quoted_so_they_read_back_unchanged(string arg, string expected) =>
        Assert.Equal("prog " + expected, WindowsCommandLine.Build("prog", [arg]));

    [Fact]
    public void Environment_block_is_sorted_and_double_NUL_terminated() =>
        Assert.Equal("a=1\0B=2\0c=3\0\0", WindowsCommandLine.EnvironmentBlock(["c=3", "a=1", "B=2"]));
}
