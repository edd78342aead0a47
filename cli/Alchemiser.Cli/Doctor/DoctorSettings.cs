namespace Alchemiser.Cli.Doctor;

/// <summary>What <c>doctor</c> looks at.</summary>
/// <param name="Stage">The stage whose <c>strategies.&lt;stage&gt;.json</c> must parse.</param>
/// <param name="StrategiesDirectory">Where the manifests and strategy files are.</param>
/// <param name="PricesDirectory">The local price folder to check; null when none is configured.</param>
/// <param name="PricesExplicit">True when the folder was given (a missing one fails), false for the default (a missing one is skipped).</param>
/// <param name="Datalake">The S3 datalake (<c>s3://bucket/prefix</c>) to check; null when none is configured.</param>
/// <param name="AlpacaSecret">The <c>--alpaca-secret</c> value, if given.</param>
/// <param name="Aws">Check the AWS settings too.</param>
/// <param name="Timeout">How long one network call may take.</param>
public sealed record DoctorSettings(
    string Stage,
    string StrategiesDirectory,
    string? PricesDirectory,
    bool PricesExplicit,
    string? Datalake,
    string? AlpacaSecret,
    bool Aws,
    TimeSpan Timeout);
