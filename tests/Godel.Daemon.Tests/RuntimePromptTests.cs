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

    // Codex 0.169.0 idle, and its first-run folder-trust screen.
    private const string CodexIdle = """
          >_ OpenAI Codex (v0.169.0)
             /tmp/rt-run2/ws

        › Ask Codex to do anything

          GPT-6.1-Sol default · /tmp/rt-run2/ws
          ← for agents · ? for shortcuts                                           ⚠ 1 warning · f2 to view
        """;

    private const string CodexTrust = """
          Trust this folder? Codex can read, edit, and run files here, subject to your permission
        › 1. Trust and continue
          2. Back to Agent Command Center

          enter continue · esc back
        """;

    // Gemini CLI 0.61.0 idle: the prompt sits above two status lines.
    private static readonly string GeminiIdle = $"""
         Gemini CLI v0.61.0
                                                                                            ? for shortcuts
        {Rule}
         Shift+Tab to accept edits
        ▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄
         >   Type your message or @path/to/file
        ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀
         workspace (/directory)                  branch                  sandbox                     /model
         /tmp/rt-run2/ws                         master                  no sandbox                    Auto
        """;

    private const string GeminiAuth = """
        │     1. Sign in with Google                                                                       │
        │   ● 2. Use Gemini API Key                                                                        │
        │   (Use Enter to select)                                                                          │
        │   Terms of Services and Privacy Notice for Gemini CLI                                            │
        │   https://geminicli.com/docs/resources/tos-privacy/                                              │
        ╰──────────────────────────────────────────────────────────────────────────────────────────────────╯
        """;

    // opencode 1.18.33 idle and working (footer lines).
    private const string OpencodeIdle = """
          ┃  Build · Claude Sonnet 4.6 Anthropic
          ╹▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀
           /tmp/rt-run3/ws                                                     tab agents  ctrl+p commands
        """;

    private const string OpencodeBusy = """
          ┃  Build · Claude Sonnet 4.6 Anthropic
          ╹▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀
           ⬝⬝⬝⬝⬝⬝⬝⬝  esc interrupt                                             tab agents  ctrl+p commands
        """;

    // pi 0.73.1: an empty editor between two rules; retrying/working shows "(escape to …)" above it.
    private static readonly string PiIdle = $"""
         Error: Retry failed after 3 attempts: Connection error.
        {Rule}

        {Rule}
        /tmp/rt-run3/ws (master)
        0.0%/1.0M (auto)                                                (anthropic) claude-opus-4-7 • medium
        """;

    private static readonly string PiBusy = PiIdle.Replace(" Error: Retry failed after 3 attempts: Connection error.", " ⠼ Retrying (2/3) in 4s... (escape to cancel)", StringComparison.Ordinal);

    private static bool Waiting(string runtime, string screen)
    {
        var patterns = RuntimeCatalogue.BuiltIn(_ => null)[runtime].PromptPatterns
            .Select(p => new Regex(p, RegexOptions.Multiline | RegexOptions.CultureInvariant));
        // As Agent.PromptOnScreen sees it: the last three non-blank lines.
        var tail = string.Join('\n', screen.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).TakeLast(Agents.Agent.PromptTailLines));
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

    [Fact]
    public void Codex_idle_and_its_first_run_screens_are_waiting()
    {
        Assert.True(Waiting("codex", CodexIdle));
        Assert.True(Waiting("codex", CodexTrust));
        Assert.False(Waiting("codex", CodexIdle.Replace("› Ask Codex", "• Working (3s • esc to interrupt)\n› Ask Codex", StringComparison.Ordinal)));
    }

    [Fact]
    public void Gemini_idle_above_its_status_lines_and_its_dialogs_are_waiting()
    {
        Assert.True(Waiting("gemini", GeminiIdle));
        Assert.True(Waiting("gemini", GeminiAuth));
    }

    [Fact]
    public void Opencode_and_pi_idle_are_waiting_and_busy_are_not()
    {
        Assert.True(Waiting("opencode", OpencodeIdle));
        Assert.False(Waiting("opencode", OpencodeBusy));
        Assert.True(Waiting("pi", PiIdle));
        Assert.False(Waiting("pi", PiBusy));
    }
}
