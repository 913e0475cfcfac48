// `POST /proxy/v1/chat/completions`: OpenAI chat routed by model, with fallback and a per-request cost limit.
using System.Text.Json;
using System.Text.Json.Nodes;
using Godel.Proxy.Costs;
using Godel.Proxy.Errors;
using Godel.Proxy.Pipeline;
using Microsoft.AspNetCore.Http;

namespace Godel.Proxy.Routing;

/// <summary>
/// Only providers speaking OpenAI chat (openai, openai-compatible, mock) are used: Anthropic providers in a
/// route are skipped rather than translated, so no request is silently rewritten into another format.
/// A request over its `cost_limit` is refused with 400 (`cost_limit_exceeded`): it is the caller's own
/// limit, not an account problem (402 is kept for budgets).
/// </summary>
internal sealed class RoutedEndpoint(ProxyServices services, Forwarder forwarder, RouteTable routes)
{
    private const string Path = "v1/chat/completions";

    public async Task HandleAsync(HttpContext context)
    {
        var admitted = await Admission.AdmitAsync(context, services, ErrorShape.OpenAI, Path).ConfigureAwait(false);
        if (admitted is not { } a)
        {
            return;
        }
        using (a.Body)
        {
            var call = a.Call;
            if (call.Facts.Model is not { Length: > 0 } model)
            {
                await ProxyError.BadRequest("the routed endpoint needs a \"model\" to pick a provider").WriteAsync(context, call.Shape).ConfigureAwait(false);
                return;
            }
            var (fallback, costLimit, error) = ReadRouting(call);
            if (error is not null)
            {
                await ProxyError.BadRequest(error).WriteAsync(context, call.Shape).ConfigureAwait(false);
                return;
            }
            var candidates = routes.Resolve(model);
            if (candidates.Count == 0)
            {
                await ProxyError.NotFound($"no provider routes model '{model}': add it to [proxy.routes] in godel.toml, e.g. \"{model}\" = [\"openai\"] (routes may only name openai, openai-compatible or mock providers)")
                    .WriteAsync(context, call.Shape).ConfigureAwait(false);
                return;
            }
            if (costLimit is { } limit && WorstCase(services.Pricing, call) is var worst && worst > limit)
            {
                await new ProxyError(400, "invalid_request_error", "cost_limit_exceeded",
                    $"worst-case cost ${worst:0.######} (prompt ≈ {call.Body.Length / 4} tokens + max_tokens {call.Facts.MaxTokens ?? Forwarder.DefaultMaxTokens}) exceeds routing.cost_limit ${limit:0.######}; lower max_tokens or raise cost_limit")
                    .WriteAsync(context, call.Shape).ConfigureAwait(false);
                return;
            }
            await forwarder.ForwardAsync(call, candidates, fallback).ConfigureAwait(false);
        }
    }

    /// <summary>Prompt estimated at 4 bytes per token, all at the input price, plus max_tokens at the output price.</summary>
    internal static decimal WorstCase(PricingTable pricing, ProxyCall call)
    {
        if (pricing.Find(call.Facts.Model) is not { } price)
        {
            return 0;
        }
        var output = call.Facts.MaxTokens ?? Forwarder.DefaultMaxTokens;
        return ((call.Body.Length / 4) * price.InputPerMTok + output * price.OutputPerMTok) / 1_000_000m;
    }

    /// <summary>Reads and removes `routing` from the payload (providers would reject the unknown field).</summary>
    private static (bool Fallback, decimal? CostLimit, string? Error) ReadRouting(ProxyCall call)
    {
        if (!call.Facts.HasRouting)
        {
            return (false, null, null);
        }
        var root = JsonNode.Parse(call.Body.Span)!.AsObject();
        var routing = root["routing"];
        root.Remove("routing");
        call.Payload = JsonSerializer.SerializeToUtf8Bytes(root);
        // The rewritten payload is shorter: the stream_options injection needs its root end, not the original's.
        if (RequestFacts.TryScan(call.Payload.Span, out var rewritten, out _))
        {
            call.Facts = rewritten;
        }
        if (routing is null)
        {
            return (false, null, null);
        }
        if (routing is not JsonObject options)
        {
            return (false, null, "\"routing\" must be an object like {\"fallback_allowed\": true, \"cost_limit\": 0.05}");
        }
        try
        {
            var fallback = options["fallback_allowed"]?.GetValue<bool>() ?? false;
            var limit = options["cost_limit"]?.GetValue<decimal>();
            return (fallback, limit, null);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            return (false, null, "\"routing.fallback_allowed\" must be true or false and \"routing.cost_limit\" a number (USD)");
        }
    }
}
