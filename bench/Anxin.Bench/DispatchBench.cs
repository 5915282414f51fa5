namespace Anxin.Bench;

/// <summary>
/// <c>dispatch</c>: p50/p99 of a dispatch recommendation among 10,000 surveyors.
/// TODO(feat/dispatch): the DispatchRanker and the Surveyor entity are being built on the
/// feat/dispatch branch and are not on main yet. Once merged: generate surveyors with their
/// positions and skills in `generate`, then time the recommendation (in process through the
/// ranker, and over HTTP through its endpoint) here, with the same table and summary line.
/// </summary>
public static class DispatchBench
{
    public static Task<int> RunAsync(Options o)
    {
        _ = o;
        Console.WriteLine("dispatch: not measurable yet — the dispatch ranker (feat/dispatch) is not merged into this branch.");
        Console.WriteLine("summary: dispatch TODO (waits for DispatchRanker from feat/dispatch)");
        return Task.FromResult(2);
    }
}
