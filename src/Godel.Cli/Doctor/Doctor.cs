// Runs every doctor check in order and renders the ✓/!/✗ report.
namespace Godel.Cli.Doctor;

internal static class Doctor
{
    public static async Task<IReadOnlyList<Finding>> RunAsync(DoctorContext context, bool outputIsTerminal, CancellationToken cancellationToken)
    {
        var findings = new List<Finding> { await ToolChecks.GitAsync(context, cancellationToken).ConfigureAwait(false) };
        findings.AddRange(WorkspaceChecks.Check(context));
        findings.AddRange(await ToolChecks.RuntimesAsync(context, cancellationToken).ConfigureAwait(false));
        findings.Add(await SocketDirectoryCheck.CheckAsync(context, cancellationToken).ConfigureAwait(false));
        findings.AddRange(TerminalCheck.Check(context, outputIsTerminal));
        return findings;
    }

    public static void Render(IReadOnlyList<Finding> findings, TextWriter output)
    {
        var width = findings.Max(f => f.Title.Length);
        foreach (var finding in findings)
        {
            output.WriteLine($"{finding.Mark} {finding.Title.PadRight(width)}  {finding.Detail}");
            foreach (var note in finding.Notes)
            {
                output.WriteLine($"    {note}");
            }

            if (finding.Status != FindingStatus.Ok && finding.Fix.Length > 0)
            {
                output.WriteLine($"    fix: {finding.Fix}");
            }
        }

        var problems = findings.Count(f => f.Status == FindingStatus.Problem);
        var warnings = findings.Count(f => f.Status == FindingStatus.Warning);
        output.WriteLine(problems == 0
            ? $"Godel is ready ({warnings} warning(s))."
            : $"{problems} problem(s) to fix, {warnings} warning(s).");
    }
}
