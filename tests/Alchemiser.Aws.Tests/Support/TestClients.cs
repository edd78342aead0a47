using Alchemiser.Aws.Http;
using Alchemiser.Aws.Signing;

namespace Alchemiser.Aws.Tests.Support;

/// <summary>Clients over a <see cref="ScriptedHandler"/>: explicit test credentials, no delay between retries.</summary>
public static class TestClients
{
    public const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public const string SessionToken = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN";

    public static AwsClientOptions Options { get; } = new()
    {
        EndpointOverride = new Uri("http://127.0.0.1:4566/"),
        RetryBaseDelay = TimeSpan.Zero,
        RetryMaxDelay = TimeSpan.Zero,
        MaxRetryAttempts = 2,
    };

    public static AwsHttpClient Over(ScriptedHandler handler, AwsClientOptions? options = null) =>
        new(new HttpClient(handler), new StaticCredentialSource(new AwsCredentials("AKIDEXAMPLE", Secret, SessionToken)), options ?? Options);
}
