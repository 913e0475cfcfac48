// The runtimes an agent can run: the built-in ones (shell, claude, codex, …) merged with `[runtimes.NAME]` from config.
using Godel.Config.Model;

namespace Godel.Workspace;

/// <summary>A program and its arguments, ready to spawn.</summary>
public sealed record RuntimeCommand(string Program, IReadOnlyList<string> Args);

public sealed class RuntimeCatalogue
{
    private readonly Dictionary<string, RuntimeConfig> _runtimes;

    private RuntimeCatalogue(Dictionary<string, RuntimeConfig> runtimes) => _runtimes = runtimes;

    public IEnumerable<string> Names => _runtimes.Keys.Order(StringComparer.Ordinal);

    /// <summary>Built-ins overlaid with the config's runtimes; a config entry with an empty command keeps the built-in's.</summary>
    public static RuntimeCatalogue Create(GodelConfig config, Func<string, string?> getEnv)
    {
        ArgumentNullException.ThrowIfNull(config);
        var runtimes = BuiltIn(getEnv);
        foreach (var (name, custom) in config.Runtimes)
        {
            runtimes[name] = custom.Command.Length == 0 && runtimes.TryGetValue(name, out var builtIn)
                ? custom with { Command = builtIn.Command }
                : custom;
        }

        return new RuntimeCatalogue(runtimes);
    }

    public bool TryGet(string name, out RuntimeConfig runtime) => _runtimes.TryGetValue(name, out runtime!);

    /// <summary>The command line for a runtime: its args, resume args when restarting, extra args, then the prompt if passed as an argument.</summary>
    public static RuntimeCommand BuildCommand(RuntimeConfig runtime, IReadOnlyList<string> extraArgs, string? prompt, bool resume)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(extraArgs);
        var args = new List<string>(runtime.Args);
        if (resume)
        {
            args.AddRange(runtime.ResumeArgs);
        }

        args.AddRange(extraArgs);
        if (!resume && runtime.PromptMode == PromptMode.Argument && !string.IsNullOrEmpty(prompt))
        {
            if (runtime.PromptFlag.Length > 0)
            {
                args.Add(runtime.PromptFlag);
            }

            args.Add(prompt);
        }

        return new RuntimeCommand(runtime.Command, args);
    }

    /// <summary>The runtimes Godel knows without any config. Command lines as of each tool's current CLI.</summary>
    public static Dictionary<string, RuntimeConfig> BuiltIn(Func<string, string?> getEnv)
    {
        ArgumentNullException.ThrowIfNull(getEnv);
        var shell = getEnv("SHELL") is { Length: > 0 } s ? s : "/bin/sh";
        return new Dictionary<string, RuntimeConfig>(StringComparer.Ordinal)
        {
            ["shell"] = new()
            {
                Command = shell,
                PromptMode = PromptMode.Type,
                PromptPatterns = [@"[$#%>❯] ?$"],
            },
            ["claude"] = new()
            {
                Command = "claude",
                PromptMode = PromptMode.Argument,
                // Seen on Claude Code 2.1.197: idle is the input box (a `❯` line between two rules) with the hint
                // "? for shortcuts" under it; while working the same box stays but the hint reads "esc to interrupt".
                // Dialogs (API key, permissions) ask "Do you want to…" with a `❯ 1.` menu.
                PromptPatterns = [@"\A(?![\s\S]*esc to interrupt)[\s\S]*(?:\? for shortcuts|^❯(?: .*)?$)", @"Do you want to", @"❯ \d\."],
                ResumeArgs = ["--continue"],
                ProxyApi = ProxyApi.Anthropic,
            },
            ["codex"] = new()
            {
                Command = "codex",
                PromptMode = PromptMode.Argument,
                // Seen on Codex 0.169.0: idle is "› Ask Codex to do anything" over "? for shortcuts"; first-run screens
                // (sign-in, folder trust) end in "Press enter to continue" / "enter continue". The busy screen was not
                // seen (the mock provider cannot answer it yet): "esc to interrupt" is assumed to mark it.
                PromptPatterns = [@"\A(?![\s\S]*esc to interrupt)[\s\S]*^\s*›\s", @"Allow command\?", @"\(y/n\)", @"[Pp]ress enter to (?:continue|save)|enter continue"],
                ResumeArgs = ["resume", "--last"],
                ProxyApi = ProxyApi.OpenAI,
            },
            ["gemini"] = new()
            {
                Command = "gemini",
                PromptMode = PromptMode.Argument,
                PromptFlag = "--prompt-interactive",
                // Seen on Gemini CLI 0.61.0: idle is " >   Type your message or @path/to/file" four lines above the
                // bottom (two status lines under it); first-run dialogs (folder trust, auth) say "(Use Enter to select)"
                // or "Press Enter to submit". Busy is assumed to show "esc to cancel" (not seen: no Gemini mock yet).
                PromptPatterns = [@"\A(?![\s\S]*esc to cancel)[\s\S]*^\s*>\s+Type your message", @"Allow execution", @"\(Use Enter to select\)", @"Press Enter to submit"],
                ResumeArgs = ["--resume", "latest"],
                ProxyApi = ProxyApi.Gemini,
            },
            ["pi"] = new()
            {
                Command = "pi",
                PromptMode = PromptMode.Argument,
                // Seen on pi 0.73.1: idle is an empty editor (two rules with nothing between) over the cwd and model
                // lines; busy shows a spinner "(escape to cancel)" / "(escape to interrupt)" above it.
                PromptPatterns = [@"\A(?![\s\S]*escape to (?:cancel|interrupt))[\s\S]*^─{20,}\n─{20,}$"],
                ResumeArgs = ["--continue"],
                ProxyApi = ProxyApi.Anthropic,
            },
            ["opencode"] = new()
            {
                Command = "opencode",
                PromptMode = PromptMode.Argument,
                PromptFlag = "--prompt",
                // Seen on opencode 1.18.33: the footer reads "tab agents  ctrl+p commands" when idle and adds
                // "esc interrupt" while it works.
                PromptPatterns = [@"\A(?![\s\S]*esc interrupt)[\s\S]*ctrl\+p commands"],
                ResumeArgs = ["--continue"],
                ProxyApi = ProxyApi.Anthropic,
            },
            ["aider"] = new()
            {
                Command = "aider",
                PromptMode = PromptMode.Type,
                PromptPatterns = [@"^\S*> ?$", @"\(Y\)es/\(N\)o"],
                ResumeArgs = ["--restore-chat-history"],
                ProxyApi = ProxyApi.OpenAI,
            },
        };
    }
}
