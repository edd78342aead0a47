using Alchemiser.Core.Errors;

namespace Alchemiser.Aws.Http;

/// <summary>
/// One AWS API call on the wire: the service's signing name, the operation's name (for errors), the body and its
/// content type, and the <c>X-Amz-Target</c> header of the JSON protocols (null for the query protocol).
/// </summary>
public sealed record AwsOperation(
    string Service,
    string Operation,
    string ContentType,
    ReadOnlyMemory<byte> Body,
    string? Target = null,
    ErrorCategory ErrorCategory = ErrorCategory.Configuration);
