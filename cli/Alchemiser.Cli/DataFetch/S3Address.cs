using Alchemiser.Core.Errors;

namespace Alchemiser.Cli.DataFetch;

/// <summary>An <c>s3://bucket/prefix</c> datalake address: the bucket and the folder above <c>bars/daily/</c>.</summary>
public sealed record S3Address(string Bucket, string Prefix)
{
    public const string Scheme = "s3://";

    /// <summary>True when <paramref name="text"/> starts with <c>s3://</c>.</summary>
    public static bool IsS3(string text) => text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary><c>s3://bucket</c> or <c>s3://bucket/some/prefix</c>.</summary>
    /// <exception cref="ConfigurationException">No bucket, or a bucket name S3 would refuse.</exception>
    public static S3Address Parse(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rest = IsS3(text) ? text[Scheme.Length..] : text;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? "" : rest[(slash + 1)..].Trim('/');
        if (bucket.Length is < 3 or > 63 || !bucket.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.'))
        {
            throw new ConfigurationException(
                $"{option} '{text}' does not name an S3 bucket", "write s3://<bucket>[/<prefix>], e.g. s3://alchemiser-datalake (bars go to bars/daily/<SYMBOL>.csv)");
        }

        return new S3Address(bucket, prefix);
    }

    public override string ToString() => Scheme + Bucket + (Prefix.Length == 0 ? "" : "/" + Prefix);
}
