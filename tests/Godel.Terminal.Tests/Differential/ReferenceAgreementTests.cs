// tmux and xterm.js must draw the common streams alike: this checks the streams and both harnesses before Godel is compared.
namespace Godel.Terminal.Tests.Differential;

public sealed class ReferenceAgreementTests
{
    private static readonly GridComparison TmuxComparison = new() { CompareBlankStyle = false };

    public static TheoryData<string> CommonFeatures() =>
        new(FeatureStreams.All.Where(f => f.Agreement == Agreement.Both).Select(f => f.Name));

    [SkippableTheory]
    [MemberData(nameof(CommonFeatures))]
    public void Tmux_and_xterm_agree_on_feature(string name)
    {
        Skip.IfNot(TmuxReference.IsAvailable, TmuxReference.MissingMessage);
        Skip.IfNot(XtermReference.IsAvailable, XtermReference.MissingMessage);
        var stream = FeatureStreams.All.Single(f => f.Name == name);
        using var tmux = new TmuxReference();
        var t = tmux.Render(stream.Bytes, FeatureStreams.Columns, FeatureStreams.Rows);
        var x = XtermReference.Render(stream.Bytes, FeatureStreams.Columns, FeatureStreams.Rows);
        var diffs = GridComparer.Differences(t, x, TmuxComparison);
        Assert.True(diffs.Count == 0, GridComparer.Describe($"{name}: tmux (expected) vs xterm.js", t, x, diffs));
    }

    [SkippableFact]
    public void Tmux_and_xterm_agree_on_random_common_streams()
    {
        Skip.IfNot(TmuxReference.IsAvailable, TmuxReference.MissingMessage);
        Skip.IfNot(XtermReference.IsAvailable, XtermReference.MissingMessage);
        var streams = Enumerable.Range(1, 20).Select(seed => new StreamGenerator(seed, 40, 12, StreamProfile.Common).Generate(80)).ToList();
        var xterm = XtermReference.Render(streams, 40, 12);
        using var tmux = new TmuxReference();
        for (var i = 0; i < streams.Count; i++)
        {
            var t = tmux.Render(streams[i], 40, 12);
            var diffs = GridComparer.Differences(t, xterm[i], TmuxComparison);
            Assert.True(diffs.Count == 0, GridComparer.Describe($"seed {i + 1}: tmux (expected) vs xterm.js", t, xterm[i], diffs));
        }
    }
}
