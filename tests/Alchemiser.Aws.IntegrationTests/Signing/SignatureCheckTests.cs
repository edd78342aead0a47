using Alchemiser.Aws.Http;
using Alchemiser.Aws.IntegrationTests.Support;
using Alchemiser.Aws.Signing;
using Alchemiser.Aws.Sqs;
using Alchemiser.Core.Errors;

namespace Alchemiser.Aws.IntegrationTests.Signing;

/// <summary>
/// Against a moto of its own with signature and IAM checks on: a request signed with a real (moto IAM) key is
/// accepted, the same request signed with a wrong secret is refused.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SignatureCheckTests : IDisposable
{
    private const string AdminPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

    // CreateUser, PutUserPolicy and CreateAccessKey run before moto starts checking.
    private readonly MotoServer _moto = MotoServer.WithSignatureChecks(initialNoAuthActionCount: 3);

    [Fact]
    public async Task A_call_signed_with_the_right_secret_is_accepted_and_with_a_wrong_secret_refused()
    {
        var key = await CreateAccessKeyAsync();

        var url = await new SqsClient(MotoAws.Client(_moto, key)).CreateQueueAsync("signed-queue");
        var refused = await Assert.ThrowsAsync<AwsServiceException>(() =>
            new SqsClient(MotoAws.Client(_moto, new AwsCredentials(key.AccessKeyId, key.SecretAccessKey + "x"))).CreateQueueAsync("unsigned-queue"));

        Assert.EndsWith("/signed-queue", url, StringComparison.Ordinal);
        Assert.Equal(403, refused.StatusCode);
        Assert.Equal("SignatureDoesNotMatch", refused.ErrorCode);
        Assert.False(refused.IsTransient);
        Assert.DoesNotContain(key.SecretAccessKey, refused.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _moto.Dispose();

    private async Task<AwsCredentials> CreateAccessKeyAsync()
    {
        var iam = MotoAws.Client(_moto);
        var user = MotoAws.UniqueName("tester");
        await AwsQueryProtocol.CallAsync(iam, "iam", "2010-05-08", "CreateUser", [new("UserName", user)], ErrorCategory.Configuration, CancellationToken.None);
        await AwsQueryProtocol.CallAsync(
            iam, "iam", "2010-05-08", "PutUserPolicy", [new("UserName", user), new("PolicyName", "all"), new("PolicyDocument", AdminPolicy)], ErrorCategory.Configuration, CancellationToken.None);
        var created = await AwsQueryProtocol.CallAsync(iam, "iam", "2010-05-08", "CreateAccessKey", [new("UserName", user)], ErrorCategory.Configuration, CancellationToken.None);
        return new AwsCredentials(
            AwsQueryProtocol.Find(created, "AccessKeyId") ?? throw new InvalidOperationException("no AccessKeyId"),
            AwsQueryProtocol.Find(created, "SecretAccessKey") ?? throw new InvalidOperationException("no SecretAccessKey"));
    }
}
