// The typed configuration model: one record per TOML section. Defaults here are the embedded default.
namespace Godel.Config.Model;

/// <summary>The effective configuration after every layer (user file, repo file, flags) is applied.</summary>
public sealed record GodelConfig
{
    public WorkspaceConfig Workspace { get; init; } = new();

    /// <summary>Custom or overridden runtimes, keyed by runtime name (`[runtimes.NAME]`).</summary>
    public IReadOnlyDictionary<string, RuntimeConfig> Runtimes { get; init; } =
        new Dictionary<string, RuntimeConfig>(StringComparer.Ordinal);

    public ProxyConfig Proxy { get; init; } = new();
    public TuiConfig Tui { get; init; } = new();
    public DaemonConfig Daemon { get; init; } = new();
    public KubernetesConfig Kubernetes { get; init; } = new();

    public static GodelConfig Default { get; } = new();
}

/// <summary>`[workspace]`: how Godel lays out work inside the repository.</summary>
public sealed record WorkspaceConfig
{
    /// <summary>Branch agents' worktrees start from and merge back into; null = the repository's current HEAD branch.</summary>
    public string? BaseBranch { get; init; }

    /// <summary>Folder (relative to the repository root) holding agents' worktrees.</summary>
    public string WorktreeDir { get; init; } = ".godel/worktrees";

    /// <summary>Prefix of bead ids: `godel` gives `godel-a3f9k`.</summary>
    public string BeadPrefix { get; init; } = "godel";

    /// <summary>Default runtime for `godel sling` / `godel agent spawn`.</summary>
    public string DefaultRuntime { get; init; } = "shell";
}

/// <summary>How the initial prompt reaches a runtime.</summary>
public enum PromptMode
{
    /// <summary>The runtime takes no initial prompt.</summary>
    None,
    /// <summary>Appended as the last command-line argument (after <see cref="RuntimeConfig.PromptFlag"/> if set).</summary>
    Argument,
    /// <summary>Typed into the terminal once the runtime is waiting for input, then Enter.</summary>
    Type,
}

/// <summary>Which wire format a runtime's LLM calls use, so the daemon knows which proxy variables to set.</summary>
public enum ProxyApi
{
    None,
    Anthropic,
    OpenAI,
    Gemini,
}

/// <summary>`[runtimes.NAME]`: a coding tool Godel can run as an agent.</summary>
public sealed record RuntimeConfig
{
    public string Command { get; init; } = "";
    public IReadOnlyList<string> Args { get; init; } = [];
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
    public PromptMode PromptMode { get; init; } = PromptMode.None;

    /// <summary>Flag placed before the prompt when <see cref="PromptMode"/> is Argument (e.g. `-p`); empty = positional.</summary>
    public string PromptFlag { get; init; } = "";

    /// <summary>Regular expressions matched against the screen's last lines (trailing spaces trimmed): a match means "waiting for input".</summary>
    public IReadOnlyList<string> PromptPatterns { get; init; } = [];

    /// <summary>Arguments added by `godel agent restart` to continue the previous conversation.</summary>
    public IReadOnlyList<string> ResumeArgs { get; init; } = [];

    /// <summary>Argument printing the version (for `godel doctor`).</summary>
    public string VersionArg { get; init; } = "--version";

    public ProxyApi ProxyApi { get; init; } = ProxyApi.None;
}

/// <summary>Kinds of upstream provider the proxy speaks to.</summary>
public enum ProviderType
{
    Anthropic,
    OpenAI,
    OpenAICompatible,
    Mock,
}

/// <summary>`[proxy]`: the LLM gateway.</summary>
public sealed record ProxyConfig
{
    /// <summary>Remote proxy URL; null means local mode (the daemon hosts the proxy on 127.0.0.1).</summary>
    public string? Url { get; init; }

    /// <summary>Environment variable holding this client's token for a remote proxy.</summary>
    public string TokenEnv { get; init; } = "GODEL_PROXY_TOKEN";

    /// <summary>Environment variable holding the admin token (mints and revokes agent tokens).</summary>
    public string AdminTokenEnv { get; init; } = "GODEL_PROXY_ADMIN_TOKEN";

    /// <summary>Address `godel proxy serve` listens on when none is given.</summary>
    public string Listen { get; init; } = "127.0.0.1:0";

    public long MaxBodyBytes { get; init; } = 32L * 1024 * 1024;

    public IReadOnlyDictionary<string, ProviderConfig> Providers { get; init; } =
        new Dictionary<string, ProviderConfig>(StringComparer.Ordinal)
        {
            ["mock"] = new ProviderConfig { Type = ProviderType.Mock },
        };

    /// <summary>Model name (or glob like `claude-*`) → providers to try, in order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Routes { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>Model name → price; merged over the documented built-in table.</summary>
    public IReadOnlyDictionary<string, ModelPrice> Pricing { get; init; } =
        new Dictionary<string, ModelPrice>(StringComparer.Ordinal);

    public LimitsConfig Limits { get; init; } = new();
    public BudgetsConfig Budgets { get; init; } = new();
    public AuditConfig Audit { get; init; } = new();
}

/// <summary>`[proxy.providers.NAME]`.</summary>
public sealed record ProviderConfig
{
    public ProviderType Type { get; init; } = ProviderType.Mock;
    public string? BaseUrl { get; init; }
    public string? ApiKeyEnv { get; init; }
    public string? ApiKeyFile { get; init; }
    public int? RequestsPerMinute { get; init; }
    public int? TokensPerMinute { get; init; }

    /// <summary>Mock provider only: delay before the first byte and between streamed events.</summary>
    public int MockLatencyMs { get; init; }
}

/// <summary>USD per million tokens.</summary>
public sealed record ModelPrice
{
    public decimal InputPerMTok { get; init; }
    public decimal OutputPerMTok { get; init; }
    public decimal CacheReadPerMTok { get; init; }
    public decimal CacheWritePerMTok { get; init; }
}

/// <summary>`[proxy.limits]`: default per-agent rate limits.</summary>
public sealed record LimitsConfig
{
    public int? AgentRequestsPerMinute { get; init; }
    public int? AgentTokensPerMinute { get; init; }

    /// <summary>How long a request may wait in the limiter's queue before getting a 429.</summary>
    public int QueueMs { get; init; }
}

/// <summary>`[proxy.budgets]`: spend caps in USD; null = unlimited.</summary>
public sealed record BudgetsConfig
{
    public decimal? PerAgentUsd { get; init; }
    public decimal? PerDayUsd { get; init; }
    public decimal? TotalUsd { get; init; }
}

/// <summary>`[proxy.audit]`: the request log.</summary>
public sealed record AuditConfig
{
    /// <summary>SQLite file; null = `.godel/proxy.db` locally.</summary>
    public string? Path { get; init; }

    /// <summary>Store prompt and response text; null = on locally, off remotely.</summary>
    public bool? StoreText { get; init; }

    public int RetentionDays { get; init; } = 30;
}

/// <summary>`[tui]`.</summary>
public sealed record TuiConfig
{
    public string Theme { get; init; } = "dark";
    public string Layout { get; init; } = "grid";
    public string PrefixKey { get; init; } = "Ctrl+G";
    public string DetachKey { get; init; } = "Ctrl+\\";

    /// <summary>Action name → key, overriding the defaults.</summary>
    public IReadOnlyDictionary<string, string> Keys { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>`[daemon]`.</summary>
public sealed record DaemonConfig
{
    /// <summary>Byte budget of each agent's scrollback.</summary>
    public long ScrollbackBytes { get; init; } = 4L * 1024 * 1024;

    /// <summary>Cap of each agent's raw output log before it rotates.</summary>
    public long LogBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Rotated raw logs kept per agent.</summary>
    public int LogFiles { get; init; } = 2;

    /// <summary>Seconds `godel daemon stop` waits for agents to end before killing them.</summary>
    public int StopGraceSeconds { get; init; } = 10;

    /// <summary>Terminal size of a new agent until a client attaches, as COLSxROWS.</summary>
    public string DefaultSize { get; init; } = "120x40";

    /// <summary>Seconds of output silence after which a running agent counts as idle.</summary>
    public int IdleSeconds { get; init; } = 30;
}

/// <summary>`[kubernetes]`: reserved for remote agents (coming); accepted and validated, not yet used.</summary>
public sealed record KubernetesConfig
{
    public bool Enabled { get; init; }
    public string? Context { get; init; }
    public string? Namespace { get; init; }
    public string? Image { get; init; }
}
