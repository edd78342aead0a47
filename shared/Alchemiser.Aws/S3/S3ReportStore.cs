using System.Text;
using Alchemiser.Core.Reports;
using Amazon.S3;
using Amazon.S3.Model;

namespace Alchemiser.Aws.S3;

/// <summary>
/// Reports as S3 objects: report key <c>k</c> is object <c>{keyPrefix}k</c> in <c>bucketName</c>. Texts are stored as
/// UTF-8 without byte-order mark, with a content type by extension (<c>.html</c>, <c>.csv</c>, <c>.json</c>, else
/// text/plain); a put is one PutObject, so readers see the old text or the new one. A missing key reads as null.
/// Listing follows ListObjectsV2 continuation tokens to the end and returns keys without the store's prefix, in
/// ordinal order.
/// </summary>
public sealed class S3ReportStore : IReportStore
{
    /// <summary>The most keys one ListObjectsV2 page holds (S3's limit and default).</summary>
    public const int MaxListPageSize = 1000;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly IAmazonS3 _client;
    private readonly string _bucketName;
    private readonly string _keyPrefix;
    private readonly int _listPageSize;

    /// <summary>A store over <paramref name="bucketName"/>, below <paramref name="keyPrefix"/> (a <c>/</c> is added when missing).</summary>
    /// <param name="client">The S3 client.</param>
    /// <param name="bucketName">The bucket.</param>
    /// <param name="keyPrefix">The folder inside the bucket that holds the reports; empty for the bucket's root.</param>
    /// <param name="listPageSize">Keys per ListObjectsV2 page, 1 to <see cref="MaxListPageSize"/>.</param>
    public S3ReportStore(IAmazonS3 client, string bucketName, string keyPrefix = "", int listPageSize = MaxListPageSize)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(bucketName);
        ArgumentOutOfRangeException.ThrowIfLessThan(listPageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(listPageSize, MaxListPageSize);
        _client = client;
        _bucketName = bucketName;
        _keyPrefix = S3Buckets.NormalizePrefix(keyPrefix, nameof(keyPrefix));
        _listPageSize = listPageSize;
    }

    /// <summary>The bucket.</summary>
    public string BucketName => _bucketName;

    /// <summary>The folder inside the bucket, empty or ending with <c>/</c>.</summary>
    public string KeyPrefix => _keyPrefix;

    /// <summary>Creates the bucket unless this account already owns it (for tests and first runs).</summary>
    public Task EnsureBucketAsync(CancellationToken cancellationToken = default) =>
        S3Buckets.EnsureAsync(_client, _bucketName, cancellationToken);

    /// <inheritdoc />
    public async Task PutTextAsync(string key, string text, CancellationToken cancellationToken = default)
    {
        ReportKey.Validate(key);
        ArgumentNullException.ThrowIfNull(text);
        using var body = new MemoryStream(Utf8NoBom.GetBytes(text), writable: false);
        await _client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucketName,
            Key = _keyPrefix + key,
            InputStream = body,
            AutoCloseStream = false,
            ContentType = ReportContentType.For(key),
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<string?> GetTextAsync(string key, CancellationToken cancellationToken = default)
    {
        ReportKey.Validate(key);
        try
        {
            using var response = await _client.GetObjectAsync(_bucketName, _keyPrefix + key, cancellationToken);
            return Utf8NoBom.GetString(await S3Buckets.ReadAllAsync(response, cancellationToken));
        }
        catch (AmazonS3Exception e) when (S3Buckets.IsNotFound(e) && !string.Equals(e.ErrorCode, "NoSuchBucket", StringComparison.Ordinal))
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListKeysAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ReportKey.ValidatePrefix(prefix);
        var keys = (await S3Buckets.ListKeysAsync(_client, _bucketName, _keyPrefix + prefix, _listPageSize, cancellationToken))
            .ConvertAll(key => key[_keyPrefix.Length..]);
        keys.Sort(StringComparer.Ordinal);
        return keys;
    }
}
