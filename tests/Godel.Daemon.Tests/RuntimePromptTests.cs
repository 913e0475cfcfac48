// Built-in prompt patterns against screens captured from the real runtimes (through `godel capture`).
using System.Text.RegularExpressions;
using Godel.Workspace;

namespace Godel.Daemon.Tests;

public sealed class RuntimePromptTests
{
    private const string Rule = "────────────────────────────────────────────────────────────────────────────────────────────────────";

    // Claude Code 2.1.197 at 100x30, idle after start (mock provider behind the local proxy).
    private static readonly string ClaudeIdle = $"""
         ▐▛███▜▌   Claude Code v2.1.197
        ▝▜█████▛▘  Opus 4.8 (1M context) · API Usage Billing
          ▘▘ ▝▝    /tmp/claude-run/ws

        {Rule}
        ❯
        {Rule}
          ? for shortcuts · ← for agents
        """;

    // The same, working on a request: the input box stays, the hint changes.
    private static readonly string ClaudeBusy = $"""
        ❯ say hello
          ⎿  Initializing…

        ✽ Schlepping… (10s · ↑ 948 tokens)

        {Rule}
        ❯
        {Rule}
          esc to interrupt · ← for agents
        """;

    // Its start-up dialog when ANTHROPIC_API_KEY is set.
    private const string ClaudeKeyDialog = """
          Do you want to use this API key?

            1. Yes
          ❯ 2. No (recommended)

          Enter to confirm · Esc to cancel
        """;

    private static bool Waiting(string runtime, string screen)
    {
        var patterns = RuntimeCatalogue.BuiltIn(_ => null)[runtime].PromptPatterns
            .Select(p => new Regex(p, RegexOptions.Multiline | RegexOptions.CultureInvariant));
        // As Agent.PromptOnScreen sees it: the last three non-blank lines.
        var tail = string.Join('\n', screen.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).TakeLast(3));
        return patterns.Any(p => p.IsMatch(tail));
    }

    [Fact]
    public void Claude_idle_at_its_input_box_is_waiting()
    {
        Assert.True(Waiting("claude", ClaudeIdle));
        Assert.True(Waiting("claude", ClaudeIdle.Replace("  ? for shortcuts · ← for agents", "  ⏵⏵ accept edits on (shift+tab to cycle)", StringComparison.Ordinal)));
    }

    [Fact]
    public void Claude_working_is_not_waiting_although_its_input_box_is_on_screen() => Assert.False(Waiting("claude", ClaudeBusy));

    [Fact]
    public void Claude_asking_a_question_is_waiting() => Assert.True(Waiting("claude", ClaudeKeyDialog));
}
