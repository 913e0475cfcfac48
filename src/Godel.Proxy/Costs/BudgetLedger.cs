// Running spend per agent, per UTC day and in total, checked before every request against [proxy.budgets].
using Godel.Config.Model;
using Godel.Proxy.Errors;

namespace Godel.Proxy.Costs;

/// <summary>
/// In memory (seeded from the audit log at start) so the check costs no disk read. A request already in
/// flight may overshoot a budget by its own cost; the next one is refused.
/// </summary>
internal sealed class BudgetLedger
{
    private readonly BudgetsConfig _budgets;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, decimal> _perAgent;
    private DateTime _day;
    private decimal _today;
    private decimal _total;

    public BudgetLedger(BudgetsConfig budgets, TimeProvider time, Dictionary<string, decimal> perAgent, decimal today, decimal total)
    {
        _budgets = budgets;
        _time = time;
        _perAgent = perAgent;
        _day = time.GetUtcNow().UtcDateTime.Date;
        _today = today;
        _total = total;
    }

    public void Add(string agent, decimal cost)
    {
        if (cost == 0)
        {
            return;
        }
        lock (_gate)
        {
            RollDay();
            _perAgent[agent] = _perAgent.GetValueOrDefault(agent) + cost;
            _today += cost;
            _total += cost;
        }
    }

    /// <summary>Null when the agent may spend; otherwise the 402 error naming the budget that is used up.</summary>
    public ProxyError? Check(string agent)
    {
        lock (_gate)
        {
            RollDay();
            if (_budgets.PerAgentUsd is { } perAgent && _perAgent.GetValueOrDefault(agent) >= perAgent)
            {
                return Exceeded($"agent '{agent}' budget", _perAgent.GetValueOrDefault(agent), perAgent, "per_agent_usd");
            }
            if (_budgets.PerDayUsd is { } perDay && _today >= perDay)
            {
                return Exceeded("daily budget (all agents, UTC day)", _today, perDay, "per_day_usd");
            }
            if (_budgets.TotalUsd is { } total && _total >= total)
            {
                return Exceeded("total budget", _total, total, "total_usd");
            }
            return null;
        }
    }

    private void RollDay()
    {
        var day = _time.GetUtcNow().UtcDateTime.Date;
        if (day != _day)
        {
            _day = day;
            _today = 0;
        }
    }

    private static ProxyError Exceeded(string which, decimal spent, decimal limit, string key) => new(402, "insufficient_quota", "budget_exceeded",
        $"{which} exceeded: spent ${spent:0.####} of ${limit:0.####}. Raise it in godel.toml: [proxy.budgets] {key} = <usd>");
}
