// Sends a call upstream (falling back between providers when allowed), relays the answer, and accounts for it.
using System.Diagnostics;
using Godel.Config.Model;
using Godel.Proxy.Errors;
using Godel.Proxy.Limits;
using Godel.Proxy.Providers;
using Godel.Proxy.Store;
using Godel.Proxy.Upstream;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Godel.Proxy.Pipeline;

internal sealed class Forwarder(ProxyServices services)
{
    /// <summary>Worst case assumed for limits and cost checks when a request names no max_tokens.</summary>
    public const int DefaultMaxTokens = 4096;

    public async Task ForwardAsync(ProxyCall call, IReadOnlyList<ProviderEntry> candidates, bool fallbackAllowed)
    {
        if (services.Budgets.Check(call.Who.Agent) is { } overBudget)
        {
            await RefuseAsync(call, candidates[0].Name, overBudget).ConfigureAwait(false);
            return;
        }
        var aborted = call.Context.RequestAborted;
        for (var i = 0; i < candidates.Count; i++)
        {
            var provider = candidates[i];
            var canFallBack = fallbackAllowed && i + 1 < candidates.Count;
            if (provider.KeyProblem is { } keyProblem)
            {
                if (canFallBack) { call.FallbackUsed = true; continue; }
                await RefuseAsync(call, provider.Name, ProxyError.BadGateway(keyProblem)).ConfigureAwait(false);
                return;
            }
            Reservation? reservation = null;
            if (services.LimitsEnabled)
            {
                var (granted, limited) = await services.Limits.AcquireAsync(call.Who.Agent, provider.Name, ReserveTokens(call), aborted).ConfigureAwait(false);
                if (limited is not null)
                {
                    if (canFallBack) { call.FallbackUsed = true; continue; }
                    await RefuseAsync(call, provider.Name, limited).ConfigureAwait(false);
                    return;
                }
                reservation = granted;
            }
            var (response, failure) = await SendAsync(call, provider, aborted).ConfigureAwait(false);
            if (response is null)
            {
                reservation?.Reconcile(0);
                if (aborted.IsCancellationRequested)
                {
                    await RecordAsync(call, provider.Name, 499, new RelayOutcome { ClientGone = true, Error = "client disconnected" }).ConfigureAwait(false);
                    return;
                }
                if (canFallBack) { call.FallbackUsed = true; continue; }
                await RefuseAsync(call, provider.Name, ProxyError.BadGateway(failure!)).ConfigureAwait(false);
                return;
            }
            using (response)
            {
                if (canFallBack && IsRetryable(response.Status))
                {
                    reservation?.Reconcile(0);
                    call.FallbackUsed = true;
                    continue;
                }
                var outcome = await RelayAsync(call, provider, response).ConfigureAwait(false);
                if (outcome.Interrupted)
                {
                    EstimateInterruptedUsage(call, outcome);
                }
                reservation?.Reconcile(outcome.Usage.Total);
                await RecordAsync(call, provider.Name, outcome.ClientGone ? 499 : response.Status, outcome).ConfigureAwait(false);
            }
            return;
        }
    }

    /// <summary>
    /// An interrupted stream was still billed upstream for what it generated, but OpenAI reports usage only in its
    /// last chunk (and Anthropic its output only at the end). Rather than record spend 0, fill in what is missing:
    /// the prompt at 4 bytes a token (the limits' estimate) and about one output token per streamed event.
    /// </summary>
    private static void EstimateInterruptedUsage(ProxyCall call, RelayOutcome outcome)
    {
        var seen = outcome.Usage;
        var input = seen.TotalInput > 0 ? seen.Input : call.Body.Length / 4;
        var output = Math.Max(seen.Output, outcome.StreamEvents - 1);
        if (input == seen.Input && output == seen.Output)
        {
            return;
        }
        outcome.Usage = seen with { Input = input, Output = output };
        outcome.Error = (outcome.Error ?? "stream interrupted") + "; usage estimated";
    }

    private static bool IsRetryable(int status) => status == 429 || status >= 500;

    private static long ReserveTokens(ProxyCall call) => call.Body.Length / 4 + (call.Facts.MaxTokens ?? DefaultMaxTokens);

    /// <summary>
    /// An OpenAI chat stream reports usage only when asked: the proxy asks for it when the client did not, and strips
    /// the extra chunk on the way back.
    /// </summary>
    private static bool InjectsUsage(ProxyCall call, ProviderEntry provider) =>
        provider.Type != ProviderType.Anthropic && call.IsOpenAIChat && call.Facts.Stream && !call.Facts.IncludeUsage;

    /// <summary>What goes upstream: the body as received, or with `stream_options.include_usage` added.</summary>
    private static ReadOnlyMemory<byte> UpstreamPayload(ProxyCall call, ProviderEntry provider) =>
        InjectsUsage(call, provider) ? StreamOptionsInjector.Inject(call.Payload, call.Facts) : call.Payload;

    private async Task<(UpstreamResponse? Response, string? Failure)> SendAsync(ProxyCall call, ProviderEntry provider, CancellationToken aborted)
    {
        try
        {
            var response = await provider.Upstream.SendAsync(call, provider, UpstreamPayload(call, provider), aborted).ConfigureAwait(false);
            return (response, null);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            return (null, null);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException)
        {
            var reason = e is OperationCanceledException ? "timed out" : e.Message;
            services.Logger.LogWarning("proxy: provider {Provider} unreachable: {Reason}", provider.Name, reason);
            return (null, $"provider '{provider.Name}' is unreachable: {reason}");
        }
    }

    private async Task<RelayOutcome> RelayAsync(ProxyCall call, ProviderEntry provider, UpstreamResponse response)
    {
        var context = call.Context;
        var outcome = new RelayOutcome();
        var sse = response.MediaType == "text/event-stream";
        response.CopyTo(context.Response, keepLength: !sse);
        var upstream = response.Body;
        if (sse)
        {
            context.Response.Headers["X-Accel-Buffering"] = "no";
            var relay = new SseRelay(InjectsUsage(call, provider), services.StoreText, call.Shape, provider.Name);
            await relay.RelayAsync(upstream, context, outcome).ConfigureAwait(false);
        }
        else
        {
            await BodyRelay.RelayAsync(upstream, context, outcome, services.StoreText).ConfigureAwait(false);
        }
        return outcome;
    }

    /// <summary>Answers with the proxy's own error and logs the request (refusals are audited too).</summary>
    private async Task RefuseAsync(ProxyCall call, string provider, ProxyError error)
    {
        await error.WriteAsync(call.Context, call.Shape).ConfigureAwait(false);
        await RecordAsync(call, provider, error.Status, new RelayOutcome { Error = error.Message }).ConfigureAwait(false);
    }

    private ValueTask RecordAsync(ProxyCall call, string provider, int status, RelayOutcome outcome)
    {
        var model = call.Facts.Model;
        // Null for a model without a price: recorded as unknown (and warned about in stats), never as $0.
        var cost = services.Pricing.Cost(model, outcome.Usage);
        services.Budgets.Add(call.Who.Agent, cost ?? 0);
        var latency = Stopwatch.GetElapsedTime(call.Started).TotalMilliseconds;
        var record = new AuditRecord
        {
            TimeMs = services.Time.GetUtcNow().ToUnixTimeMilliseconds(),
            Agent = call.Who.Agent,
            Bead = call.Who.Bead,
            Provider = provider,
            Model = model,
            Status = status,
            Usage = outcome.Usage,
            CostUsd = cost,
            LatencyMs = latency,
            BytesIn = call.Body.Length,
            BytesOut = outcome.BytesOut,
            Fallback = call.FallbackUsed,
            Stream = call.Facts.Stream,
            Error = outcome.Error,
            PromptBody = services.StoreText && call.Body.Length > 0 ? call.Body.ToArray() : null,
            ResponseBody = services.StoreText ? outcome.Captured : null,
        };
        if (services.Logger.IsEnabled(LogLevel.Debug))
        {
            services.Logger.LogDebug("proxy: {Agent} {Provider} {Model} {Status} {Latency:0.0}ms in={In} out={Out}",
                call.Who.Agent, provider, model, status, latency, outcome.Usage.TotalInput, outcome.Usage.Output);
        }
        return services.Audit.EnqueueAsync(record);
    }
}
