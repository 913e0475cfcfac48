// `godel proxy serve|stats|search|tokens`: run the LLM gateway and inspect its tokens, spend and history.
using System.CommandLine;
using System.Text.Json;
using Godel.Cli.Proxy;
using Godel.Proxy;
using Godel.Proxy.Admin;

namespace Godel.Cli.Verbs;

internal static class ProxyVerbs
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("proxy", "The LLM gateway: provider keys stay on the server; agents get tokens; every call is counted.");
        command.Subcommands.Add(Serve(console));
        command.Subcommands.Add(Stats(console));
        command.Subcommands.Add(Search(console));
        command.Subcommands.Add(Tokens(console));
        return command;
    }

    private static Option<string?> DbOption() => new("--db") { Description = "Use this proxy database file instead of <repo>/.godel/proxy.db." };

    private static Option<string?> UrlOption() => new("--url") { Description = "Act on the remote proxy at this URL (admin token from the [proxy] admin_token_env variable)." };

    private static Option<bool> JsonOption() => new("--json") { Description = "Print JSON instead of a table." };

    private static Command Serve(CliConsole console)
    {
        var listen = new Option<string?>("--listen") { Description = "Address to listen on, host:port (default from [proxy] listen)." };
        var cert = new Option<string?>("--tls-cert") { Description = "PEM certificate: serve HTTPS (needs --tls-key)." };
        var key = new Option<string?>("--tls-key") { Description = "PEM private key for --tls-cert." };
        var db = DbOption();
        var command = new Command("serve", "Run the proxy in the foreground (remote mode; the daemon hosts it itself in local mode).") { listen, cert, key, db };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var config = ProxyCliContext.Config(console);
            var address = parse.GetValue(listen) ?? config.Listen;
            if (!ListenAddress.TryParse(address, out _))
            {
                throw new CliException($"--listen: '{address}' is not host:port (e.g. 0.0.0.0:8443)", ExitCodes.Usage);
            }
            if ((parse.GetValue(cert) is null) != (parse.GetValue(key) is null))
            {
                throw new CliException("HTTPS needs both --tls-cert and --tls-key", ExitCodes.Usage);
            }
            var options = new ProxyServerOptions
            {
                Config = config,
                Listen = address,
                DatabasePath = ProxyCliContext.DatabasePath(console, config, parse.GetValue(db) ?? config.Audit.Path),
                AdminToken = console.GetEnv(config.AdminTokenEnv),
                StoreText = config.Audit.StoreText ?? false,
                TlsCertPath = parse.GetValue(cert),
                TlsKeyPath = parse.GetValue(key),
                GetEnvironmentVariable = console.GetEnv,
                // Unreachable providers, audit write failures and unexpected errors: the operator's only view of them.
                Logger = new TextLogger(console.Error),
            };
            ProxyServer server;
            try
            {
                server = await ProxyServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or ArgumentException or System.Security.Cryptography.CryptographicException)
            {
                throw new CliException($"cannot start the proxy: {e.Message}");
            }
            await using (server.ConfigureAwait(false))
            {
                await console.Out.WriteLineAsync($"godel proxy listening on {server.BaseUrl} (database {options.DatabasePath})").ConfigureAwait(false);
                if (options.AdminToken is null)
                {
                    await console.Error.WriteLineAsync($"godel proxy: admin API disabled ({config.AdminTokenEnv} is not set)").ConfigureAwait(false);
                }
                await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl-C: stop cleanly, flushing the audit log.
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Stats(CliConsole console)
    {
        var agent = new Option<string?>("--agent") { Description = "Only this agent." };
        var since = new Option<string?>("--since") { Description = "Only requests since a time (ISO 8601) or a span back from now: 30m, 24h, 7d." };
        var json = JsonOption();
        var db = DbOption();
        var url = UrlOption();
        var command = new Command("stats", "Requests, tokens, cost and errors per agent and per model.") { agent, since, json, db, url };
        command.SetAction(async (parse, cancellationToken) =>
        {
            DateTimeOffset? from = null;
            if (parse.GetValue(since) is { } text)
            {
                if (!SinceParser.TryParse(text, DateTimeOffset.UtcNow, out var parsed))
                {
                    throw new CliException($"--since: '{text}' is not a time; use an ISO 8601 date or a span like 24h, 7d", ExitCodes.Usage);
                }
                from = parsed;
            }
            using var backend = ProxyCliContext.Backend(console, parse.GetValue(db), parse.GetValue(url));
            var stats = await backend.StatsAsync(from, parse.GetValue(agent), cancellationToken).ConfigureAwait(false);
            await console.Out.WriteAsync(parse.GetValue(json) ? JsonSerializer.Serialize(stats, ProxyJson.Options) + "\n" : ProxyReports.Stats(stats)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Search(CliConsole console)
    {
        var text = new Argument<string>("text") { Description = "Words to find in prompts and replies (all must occur)." };
        var limit = new Option<int>("--limit") { Description = "At most this many matches.", DefaultValueFactory = _ => 20 };
        var json = JsonOption();
        var db = DbOption();
        var url = UrlOption();
        var command = new Command("search", "Full-text search over proxied prompts and replies, best matches first.") { text, limit, json, db, url };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var query = parse.GetValue(text)!;
            if (string.IsNullOrWhiteSpace(query))
            {
                throw new CliException("search: give the words to look for", ExitCodes.Usage);
            }
            using var backend = ProxyCliContext.Backend(console, parse.GetValue(db), parse.GetValue(url));
            var hits = await backend.SearchAsync(query, Math.Clamp(parse.GetValue(limit), 1, 500), cancellationToken).ConfigureAwait(false);
            if (hits.Count == 0 && await backend.StatsAsync(null, null, cancellationToken).ConfigureAwait(false) is { TextStored: false, Totals.Requests: > 0 })
            {
                // "No match" would mislead: there is nothing to match because no text was kept.
                await console.Error.WriteLineAsync($"godel: {backend.Where} logs requests but no prompt or reply text (text storage is off; " +
                    "set [proxy.audit] store_text = true, off by default for `godel proxy serve`)").ConfigureAwait(false);
            }
            await console.Out.WriteAsync(parse.GetValue(json) ? JsonSerializer.Serialize(hits, ProxyJson.Options) + "\n" : ProxyReports.Search(query, hits)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Tokens(CliConsole console)
    {
        var command = new Command("tokens", "Agent tokens: what agents send instead of a provider key.");
        var agent = new Option<string>("--agent") { Description = "Agent the token is for.", Required = true };
        var bead = new Option<string?>("--bead") { Description = "Bead the agent works on (recorded with each request)." };
        var db = DbOption();
        var url = UrlOption();
        var create = new Command("create", "Mint a token for an agent; it is printed once and stored only as a hash.") { agent, bead, db, url };
        create.SetAction(async (parse, cancellationToken) =>
        {
            using var backend = ProxyCliContext.Backend(console, parse.GetValue(db), parse.GetValue(url));
            var token = await backend.MintAsync(parse.GetValue(agent)!, parse.GetValue(bead), cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync(token).ConfigureAwait(false);
            await console.Error.WriteLineAsync("godel: this token is shown once; give it to the agent as ANTHROPIC_API_KEY / OPENAI_API_KEY").ConfigureAwait(false);
            return ExitCodes.Ok;
        });

        var json = JsonOption();
        var listDb = DbOption();
        var listUrl = UrlOption();
        var list = new Command("list", "Agents holding tokens (never the tokens themselves).") { json, listDb, listUrl };
        list.SetAction(async (parse, cancellationToken) =>
        {
            using var backend = ProxyCliContext.Backend(console, parse.GetValue(listDb), parse.GetValue(listUrl));
            var tokens = await backend.ListAsync(cancellationToken).ConfigureAwait(false);
            await console.Out.WriteAsync(parse.GetValue(json) ? JsonSerializer.Serialize(tokens, ProxyJson.Options) + "\n" : ProxyReports.Tokens(tokens)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });

        var name = new Argument<string>("agent") { Description = "Agent whose tokens to revoke." };
        var revokeDb = DbOption();
        var revokeUrl = UrlOption();
        var revoke = new Command("revoke", "Revoke every token of an agent.") { name, revokeDb, revokeUrl };
        revoke.SetAction(async (parse, cancellationToken) =>
        {
            using var backend = ProxyCliContext.Backend(console, parse.GetValue(revokeDb), parse.GetValue(revokeUrl));
            var agentName = parse.GetValue(name)!;
            var count = await backend.RevokeAsync(agentName, cancellationToken).ConfigureAwait(false);
            if (count == 0)
            {
                throw new CliException($"agent '{agentName}' has no token (see `godel proxy tokens list`)");
            }
            await console.Out.WriteLineAsync($"revoked {count} token(s) of {agentName}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        command.Subcommands.Add(create);
        command.Subcommands.Add(list);
        command.Subcommands.Add(revoke);
        return command;
    }
}
