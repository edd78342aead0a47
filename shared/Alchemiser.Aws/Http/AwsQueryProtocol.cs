using System.Text;
using System.Xml;
using System.Xml.Linq;
using Alchemiser.Aws.Signing;
using Alchemiser.Core.Errors;

namespace Alchemiser.Aws.Http;

/// <summary>
/// AWS's query protocol (SNS, IAM): a form-encoded body with <c>Action</c> and <c>Version</c>, an XML response.
/// </summary>
public static class AwsQueryProtocol
{
    /// <summary>The form content type the query protocol is sent with.</summary>
    public const string FormContentType = "application/x-www-form-urlencoded; charset=utf-8";

    /// <summary>Calls <paramref name="action"/> with <paramref name="parameters"/> (in order) and returns the XML response's root.</summary>
    public static async Task<XElement> CallAsync(
        AwsHttpClient client,
        string service,
        string version,
        string action,
        IEnumerable<KeyValuePair<string, string>> parameters,
        ErrorCategory errorCategory,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(parameters);
        var body = Encode([new("Action", action), new("Version", version), .. parameters]);
        var response = await client.SendAsync(
            new AwsOperation(service, action, FormContentType, Encoding.UTF8.GetBytes(body), ErrorCategory: errorCategory), cancellationToken).ConfigureAwait(false);
        try
        {
            return XDocument.Parse(response).Root ?? throw new XmlException("empty document");
        }
        catch (XmlException e)
        {
            throw new AwsServiceException(service, action, 200, "MalformedResponse", $"the response could not be read: {e.Message}", errorCategory, e);
        }
    }

    /// <summary>The first descendant of <paramref name="root"/> named <paramref name="localName"/> (any namespace), or null.</summary>
    public static string? Find(XElement root, string localName)
    {
        ArgumentNullException.ThrowIfNull(root);
        return root.Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;
    }

    /// <summary>Form-encodes the parameters (RFC 3986, as SigV4 does).</summary>
    public static string Encode(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters.Select(p => SigV4Signer.UriEncode(p.Key) + "=" + SigV4Signer.UriEncode(p.Value)));
}
