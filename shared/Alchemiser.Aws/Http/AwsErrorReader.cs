using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace Alchemiser.Aws.Http;

/// <summary>Reads AWS's error code and message from a JSON-protocol or query/XML-protocol error response.</summary>
internal static class AwsErrorReader
{
    public static (string Code, string Message) Read(string body, string? queryErrorHeader)
    {
        var code = string.Empty;
        var message = string.Empty;
        var trimmed = body.TrimStart();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(trimmed);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        continue;
                    }

                    if (property.NameEquals("__type") || property.NameEquals("code") || property.NameEquals("Code"))
                    {
                        code = property.Value.GetString() ?? string.Empty;
                    }
                    else if (property.NameEquals("message") || property.NameEquals("Message"))
                    {
                        message = property.Value.GetString() ?? string.Empty;
                    }
                }
            }
            catch (JsonException)
            {
                // not JSON after all: fall through to the status-only error
            }
        }
        else if (trimmed.StartsWith('<'))
        {
            try
            {
                var document = XDocument.Parse(trimmed);
                var error = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error") ?? document.Root;
                code = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value ?? string.Empty;
                message = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value ?? string.Empty;
            }
            catch (XmlException)
            {
                // not XML after all
            }
        }

        // SQS's JSON protocol names the legacy query error code in a header: "AWS.SimpleQueueService.NonExistentQueue;Sender".
        if (code.Length == 0 && queryErrorHeader is { Length: > 0 })
        {
            code = queryErrorHeader.Split(';')[0];
        }

        // "com.amazonaws.sqs#QueueDoesNotExist" and "ResourceNotFoundException:http://internal.amazon.com/..." -> the bare code
        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        return (code.Length == 0 ? "Unknown" : code, message);
    }
}
