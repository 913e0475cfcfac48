// Value rules the type system cannot express: sizes, URLs, regexes, names, references between sections.
using System.Text.RegularExpressions;
using Godel.Config.Diagnostics;
using Godel.Config.Model;

namespace Godel.Config.Validation;

/// <summary>Checks the effective configuration; each problem points at the layer that set the bad value.</summary>
internal sealed partial class ConfigValidator
{
    /// <summary>Layouts the TUI knows.</summary>
    public static IReadOnlyList<string> Layouts { get; } = ["grid", "stack", "tabs"];

    private readonly IReadOnlyDictionary<string, ValueOrigin> _origins;
    private readonly List<ConfigDiagnostic> _diagnostics;

    public ConfigValidator(IReadOnlyDictionary<string, ValueOrigin> origins, List<ConfigDiagnostic> diagnostics)
    {
        _origins = origins;
        _diagnostics = diagnostics;
    }

    public void Validate(GodelConfig config)
    {
        ValidateWorkspace(config.Workspace);
        foreach (var (name, runtime) in config.Runtimes)
        {
            ValidateRuntime(name, runtime);
        }

        ValidateProxy(config.Proxy);
        ValidateTui(config.Tui);
        ValidateDaemon(config.Daemon);
    }

    private void ValidateWorkspace(WorkspaceConfig w)
    {
        Check(BeadPrefix().IsMatch(w.BeadPrefix), "workspace.bead_prefix",
            $"'{w.BeadPrefix}' is not a valid bead prefix: 1-20 lower-case letters, digits or '-', starting with a letter");
        Check(w.WorktreeDir.Length > 0 && !Path.IsPathRooted(w.WorktreeDir) && !w.WorktreeDir.Split('/', '\\').Contains(".."),
            "workspace.worktree_dir", $"'{w.WorktreeDir}' must be a folder inside the repository (relative, no '..')");
        if (w.BaseBranch is { } branch)
        {
            Check(BranchName().IsMatch(branch) && !branch.Contains("..", StringComparison.Ordinal) && !branch.EndsWith('/'),
                "workspace.base_branch", $"'{branch}' is not a valid branch name");
        }

        Check(RuntimeName().IsMatch(w.DefaultRuntime), "workspace.default_runtime", $"'{w.DefaultRuntime}' is not a runtime name");
    }

    private void ValidateRuntime(string name, RuntimeConfig r)
    {
        var path = $"runtimes.{Binding.TomlNaming.PathSegment(name)}";
        Check(RuntimeName().IsMatch(name), path, $"'{name}' is not a valid runtime name: lower-case letters, digits, '-' or '_'");
        Check(r.Command.Trim().Length > 0, $"{path}.command", "command is required: the program to run (e.g. \"claude\")", path);
        for (var i = 0; i < r.PromptPatterns.Count; i++)
        {
            if (RegexError(r.PromptPatterns[i]) is { } error)
            {
                Report($"{path}.prompt_patterns[{i}]", $"not a valid regular expression: {error}");
            }
        }

        if (r.PromptFlag.Length > 0 && r.PromptMode != PromptMode.Argument)
        {
            Report($"{path}.prompt_flag", "prompt_flag is only used with prompt_mode = \"argument\"");
        }
    }

    private void ValidateProxy(ProxyConfig p)
    {
        if (p.Url is { } url)
        {
            CheckUrl(url, "proxy.url");
        }

        Check(EnvName().IsMatch(p.TokenEnv), "proxy.token_env", $"'{p.TokenEnv}' is not an environment variable name");
        Check(EnvName().IsMatch(p.AdminTokenEnv), "proxy.admin_token_env", $"'{p.AdminTokenEnv}' is not an environment variable name");
        Check(IsListenAddress(p.Listen), "proxy.listen", $"'{p.Listen}' is not HOST:PORT (e.g. 127.0.0.1:8080; port 0 picks a free one)");
        Check(p.MaxBodyBytes > 0, "proxy.max_body_bytes", "must be greater than 0");
        foreach (var (name, provider) in p.Providers)
        {
            ValidateProvider($"proxy.providers.{Binding.TomlNaming.PathSegment(name)}", provider);
        }

        foreach (var (model, providers) in p.Routes)
        {
            var path = $"proxy.routes.{Binding.TomlNaming.PathSegment(model)}";
            foreach (var provider in providers.Where(n => !p.Providers.ContainsKey(n)))
            {
                Report(path, $"unknown provider '{provider}'{Suggestions.DidYouMean(provider, p.Providers.Keys)}; define it under [proxy.providers.{provider}]");
            }
        }

        foreach (var (model, price) in p.Pricing)
        {
            var path = $"proxy.pricing.{Binding.TomlNaming.PathSegment(model)}";
            Check(price.InputPerMTok >= 0 && price.OutputPerMTok >= 0 && price.CacheReadPerMTok >= 0 && price.CacheWritePerMTok >= 0,
                path, "prices cannot be negative");
        }

        ValidateLimitsAndBudgets(p);
    }

    private void ValidateProvider(string path, ProviderConfig provider)
    {
        if (provider.BaseUrl is { } baseUrl)
        {
            CheckUrl(baseUrl, $"{path}.base_url");
            // Paths are appended to it as they come (`{base_url}/v1/messages?…`): a query, fragment or user info would land mid-URL.
            Check(!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0),
                $"{path}.base_url", "must not carry a query, fragment or user info (the value is not repeated here: it may hold a secret; put keys in api_key_env or api_key_file)");
        }
        else if (provider.Type == ProviderType.OpenAICompatible)
        {
            Report(path, "an openai-compatible provider needs base_url");
        }

        if (provider.ApiKeyEnv is { } keyEnv)
        {
            Check(EnvName().IsMatch(keyEnv), $"{path}.api_key_env", $"'{keyEnv}' is not an environment variable name");
        }

        CheckPositive(provider.RequestsPerMinute, $"{path}.requests_per_minute");
        CheckPositive(provider.TokensPerMinute, $"{path}.tokens_per_minute");
        Check(provider.MockLatencyMs >= 0, $"{path}.mock_latency_ms", "cannot be negative");
    }

    private void ValidateLimitsAndBudgets(ProxyConfig p)
    {
        CheckPositive(p.Limits.AgentRequestsPerMinute, "proxy.limits.agent_requests_per_minute");
        CheckPositive(p.Limits.AgentTokensPerMinute, "proxy.limits.agent_tokens_per_minute");
        Check(p.Limits.QueueMs >= 0, "proxy.limits.queue_ms", "cannot be negative");
        Check(p.Budgets.PerAgentUsd is null or >= 0, "proxy.budgets.per_agent_usd", "cannot be negative");
        Check(p.Budgets.PerDayUsd is null or >= 0, "proxy.budgets.per_day_usd", "cannot be negative");
        Check(p.Budgets.TotalUsd is null or >= 0, "proxy.budgets.total_usd", "cannot be negative");
        Check(p.Audit.RetentionDays > 0, "proxy.audit.retention_days", "must be at least 1");
    }

    private void ValidateTui(TuiConfig t)
    {
        Check(Layouts.Contains(t.Layout), "tui.layout",
            $"'{t.Layout}' is not one of {string.Join(", ", Layouts)}{Suggestions.DidYouMean(t.Layout, Layouts)}");
        CheckKey(t.PrefixKey, "tui.prefix_key");
        CheckKey(t.DetachKey, "tui.detach_key");
        foreach (var (action, key) in t.Keys)
        {
            CheckKey(key, $"tui.keys.{Binding.TomlNaming.PathSegment(action)}");
        }
    }

    private void ValidateDaemon(DaemonConfig d)
    {
        Check(d.ScrollbackBytes >= 64 * 1024, "daemon.scrollback_bytes", "must be at least 65536 (64 KiB)");
        Check(d.LogBytes >= 64 * 1024, "daemon.log_bytes", "must be at least 65536 (64 KiB)");
        Check(d.LogFiles >= 0, "daemon.log_files", "cannot be negative");
        Check(d.StopGraceSeconds >= 0, "daemon.stop_grace_seconds", "cannot be negative");
        Check(d.IdleSeconds > 0, "daemon.idle_seconds", "must be greater than 0");
        Check(TerminalSize.TryParse(d.DefaultSize, out _, out var error), "daemon.default_size", error);
    }

    private void CheckUrl(string url, string path) =>
        Check(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0,
            path, $"'{url}' is not an http:// or https:// URL");

    private void CheckKey(string key, string path)
    {
        if (!KeyChord.TryParse(key, out _, out var error))
        {
            Report(path, $"'{key}': {error}");
        }
    }

    private void CheckPositive(int? value, string path) => Check(value is null or > 0, path, "must be greater than 0");

    private void Check(bool ok, string path, string message, string? fallbackPath = null)
    {
        if (!ok)
        {
            Report(path, message, fallbackPath);
        }
    }

    private void Report(string path, string message, string? fallbackPath = null)
    {
        var origin = _origins.GetValueOrDefault(path) ?? (fallbackPath is null ? null : _origins.GetValueOrDefault(fallbackPath)) ?? ValueOrigin.Default;
        _diagnostics.Add(new ConfigDiagnostic(origin, $"{path}: {message}"));
    }

    private static bool IsListenAddress(string text)
    {
        var colon = text.LastIndexOf(':');
        return colon > 0 && int.TryParse(text[(colon + 1)..], out var port) && port is >= 0 and <= 65535;
    }

    private static string? RegexError(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,19}$")]
    private static partial Regex BeadPrefix();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex RuntimeName();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvName();

    [GeneratedRegex(@"^[^\s~^:?*\[\\]+$")]
    private static partial Regex BranchName();
}
