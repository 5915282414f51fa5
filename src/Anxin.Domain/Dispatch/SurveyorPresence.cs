namespace Anxin.Domain.Dispatch;

/// <summary>
/// Whether a surveyor can take work now (CC-11). Offline surveyors are never recommended nor
/// assigned; surveyors on a break are recommended behind everyone on shift (see <see cref="DispatchRanker"/>).
/// </summary>
public enum SurveyorPresence
{
    Offline = 1,
    OnShift = 2,
    OnBreak = 3,
}
