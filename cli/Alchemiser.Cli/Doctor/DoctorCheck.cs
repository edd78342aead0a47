namespace Alchemiser.Cli.Doctor;

/// <summary>One line of the <c>doctor</c> checklist: what was checked, how it came out, what was found, and how to fix a failure.</summary>
public sealed record DoctorCheck(string Name, CheckStatus Status, string Detail, string? Fix = null)
{
    public static DoctorCheck Pass(string name, string detail) => new(name, CheckStatus.Passed, detail);

    public static DoctorCheck Fail(string name, string detail, string? fix) => new(name, CheckStatus.Failed, detail, fix);

    public static DoctorCheck Skip(string name, string detail) => new(name, CheckStatus.Skipped, detail);
}
