// The admin API: mint, list and revoke agent tokens; stats and search over the audit log.
using System.Globalization;
using System.Text.Json;
using Godel.Proxy.Errors;
using Godel.Proxy.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Godel.Proxy.Admin;

internal static class AdminEndpoints
{
    private static JsonSerializerOptions Json => ProxyJson.Options;

    public static void Map(IEndpointRouteBuilder app, ProxyServices services, ProxyAdmin admin)
    {
        var group = app.MapGroup("/admin");
        group.MapPost("/tokens", context => Guard(context, services, () => MintAsync(context, admin)));
        group.MapGet("/tokens", context => Guard(context, services, () => WriteAsync(context, 200, admin.ListTokens())));
        group.MapDelete("/tokens/{agent}", context => Guard(context, services, () =>
            WriteAsync(context, 200, new { revoked = admin.Revoke((string)context.Request.RouteValues["agent"]!) })));
        group.MapGet("/stats", context => Guard(context, services, () => StatsAsync(context, admin)));
        group.MapGet("/search", context => Guard(context, services, () => SearchAsync(context, admin)));
    }

    private static async Task Guard(HttpContext context, ProxyServices services, Func<Task> action)
    {
        if (services.AdminTokenHash is null)
        {
            await ProxyError.Unauthorized("the admin API is disabled: start the proxy with an admin token (environment variable named by [proxy] admin_token_env)")
                .WriteAsync(context, ErrorShape.OpenAI).ConfigureAwait(false);
            return;
        }
        if (!AgentAuth.IsAdmin(context.Request, services.AdminTokenHash))
        {
            await ProxyError.Unauthorized("missing or invalid admin token").WriteAsync(context, ErrorShape.OpenAI).ConfigureAwait(false);
            return;
        }
        // Admin calls run synchronous SQLite queries: keep them off Kestrel's inline I/O threads.
        await Task.Run(action, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task MintAsync(HttpContext context, ProxyAdmin admin)
    {
        MintRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<MintRequest>(context.Request.Body, Json, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            request = null;
        }
        if (request is null || string.IsNullOrWhiteSpace(request.Agent))
        {
            await ProxyError.BadRequest("expected a JSON body like {\"agent\": \"claude-1\", \"bead\": \"godel-a3f9k\"}").WriteAsync(context, ErrorShape.OpenAI).ConfigureAwait(false);
            return;
        }
        var token = admin.MintAgentToken(request.Agent, request.Bead);
        await WriteAsync(context, 201, new { agent = request.Agent, bead = request.Bead, token }).ConfigureAwait(false);
    }

    private static async Task StatsAsync(HttpContext context, ProxyAdmin admin)
    {
        var query = context.Request.Query;
        DateTimeOffset? since = null;
        if (query["since"].ToString() is { Length: > 0 } text)
        {
            if (!SinceParser.TryParse(text, DateTimeOffset.UtcNow, out var parsed))
            {
                await ProxyError.BadRequest($"since: '{text}' is not a time; use an ISO 8601 date or a span like 24h, 7d, 30m").WriteAsync(context, ErrorShape.OpenAI).ConfigureAwait(false);
                return;
            }
            since = parsed;
        }
        var agent = query["agent"].ToString() is { Length: > 0 } a ? a : null;
        await WriteAsync(context, 200, admin.Stats(since, agent)).ConfigureAwait(false);
    }

    private static async Task SearchAsync(HttpContext context, ProxyAdmin admin)
    {
        var q = context.Request.Query["q"].ToString();
        var limit = int.TryParse(context.Request.Query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, 500) : 20;
        await WriteAsync(context, 200, admin.Search(q, limit)).ConfigureAwait(false);
    }

    private static async Task WriteAsync<T>(HttpContext context, int status, T value)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, Json, context.RequestAborted).ConfigureAwait(false);
    }

    private sealed record MintRequest(string? Agent, string? Bead);
}
