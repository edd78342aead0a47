namespace Alchemiser.Aws.S3;

/// <summary>The content type a report is stored with, by the extension of its key.</summary>
internal static class ReportContentType
{
    /// <summary><c>.html</c> text/html, <c>.csv</c> text/csv, <c>.json</c> application/json, anything else text/plain.</summary>
    public static string For(string key)
    {
        var name = key[(key.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        var extension = dot < 0 ? string.Empty : name[dot..];
        return extension.ToLowerInvariant() switch
        {
            ".html" => "text/html",
            ".csv" => "text/csv",
            ".json" => "application/json",
            _ => "text/plain",
        };
    }
}
