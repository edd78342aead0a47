using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace Alchemiser.Aws.S3;

/// <summary>What the S3 stores share: the bucket-creation helper tests use, key-prefix rules and "not found" detection.</summary>
internal static class S3Buckets
{
    /// <summary>Creates <paramref name="bucketName"/> unless this account already owns it.</summary>
    public static async Task EnsureAsync(IAmazonS3 client, string bucketName, CancellationToken cancellationToken)
    {
        try
        {
            await client.PutBucketAsync(new PutBucketRequest { BucketName = bucketName }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (string.Equals(e.ErrorCode, "BucketAlreadyOwnedByYou", StringComparison.Ordinal))
        {
            // Already there: nothing to do.
        }
    }

    /// <summary>
    /// A store's key prefix inside its bucket: empty, or <paramref name="prefix"/> with a trailing <c>/</c> added when it
    /// has none (<c>reports</c> → <c>reports/</c>), so a store never sees keys of a sibling folder.
    /// </summary>
    /// <exception cref="ArgumentException">The prefix starts with <c>/</c>, has an empty segment, <c>..</c>, a backslash or a control character.</exception>
    public static string NormalizePrefix(string? prefix, string parameterName)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            return string.Empty;
        }

        var folder = prefix.EndsWith('/') ? prefix : prefix + "/";
        try
        {
            Core.Reports.ReportKey.ValidatePrefix(folder);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"S3 key prefix '{prefix}' is not valid: {e.Message}", parameterName, e);
        }

        return folder;
    }

    /// <summary>True when S3 answered that the key (or the bucket) is not there.</summary>
    public static bool IsNotFound(AmazonS3Exception e) =>
        e.StatusCode == HttpStatusCode.NotFound
        || string.Equals(e.ErrorCode, "NoSuchKey", StringComparison.Ordinal);

    /// <summary>
    /// Every key in <paramref name="bucketName"/> that starts with <paramref name="prefix"/>, following ListObjectsV2
    /// continuation tokens to the last page; in S3's order (UTF-8 binary).
    /// </summary>
    public static async Task<List<string>> ListKeysAsync(
        IAmazonS3 client, string bucketName, string prefix, int pageSize, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = bucketName, Prefix = prefix, MaxKeys = pageSize };
        while (true)
        {
            var page = await client.ListObjectsV2Async(request, cancellationToken);
            foreach (var entry in page.S3Objects ?? [])
            {
                keys.Add(entry.Key);
            }

            if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken))
            {
                return keys;
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    /// <summary>Reads a whole response body.</summary>
    public static async Task<byte[]> ReadAllAsync(GetObjectResponse response, CancellationToken cancellationToken)
    {
        await using var body = response.ResponseStream;
        using var buffer = new MemoryStream(response.ContentLength is > 0 and < int.MaxValue ? (int)response.ContentLength : 0);
        await body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
