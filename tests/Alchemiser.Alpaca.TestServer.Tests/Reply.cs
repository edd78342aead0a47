using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Alchemiser.Alpaca.TestServer.Tests;

/// <summary>One answer of the server as a plain HTTP client sees it.</summary>
public sealed record Reply(HttpStatusCode Status, string Text, HttpResponseHeaders Headers, string? ContentType)
{
    /// <summary>The body as JSON (fails the test when it is not JSON).</summary>
    public JsonElement Json
    {
        get
        {
            using var document = JsonDocument.Parse(Text);
            return document.RootElement.Clone();
        }
    }

    /// <summary>A string property of the JSON body; null when the property is JSON null.</summary>
    public string? this[string property] => Json.GetProperty(property).GetString();

    /// <summary>The single value of header <paramref name="name"/>.</summary>
    public string Header(string name) => Assert.Single(Headers.GetValues(name));

    /// <summary>Asserts an Alpaca error body <c>{"code":...,"message":...}</c> with this status.</summary>
    public void AssertError(HttpStatusCode status, int code, string message)
    {
        Assert.Equal(status, Status);
        Assert.Equal((code, message), (Json.GetProperty("code").GetInt32(), Json.GetProperty("message").GetString()));
    }
}
