using System.Text.Json;

namespace Alchemiser.Alpaca.ContractTests.OpenApi;

/// <summary>One operation of an OpenAPI document: its operationId, HTTP method and the paths key it sits under.</summary>
public sealed class OpenApiOperation
{
    internal OpenApiOperation(string operationId, HttpMethod method, PathTemplate template, JsonElement node, IReadOnlyList<OpenApiParameter> parameters)
    {
        OperationId = operationId;
        Method = method;
        Template = template;
        Node = node;
        Parameters = parameters;
    }

    /// <summary>The operationId (for an operation without one: <c>METHOD path</c>).</summary>
    public string OperationId { get; }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The paths key, e.g. <c>/v2/orders/{order_id}</c>.</summary>
    public string PathTemplate => Template.Text;

    internal PathTemplate Template { get; }

    /// <summary>The Operation Object in the document.</summary>
    internal JsonElement Node { get; }

    /// <summary>The path-level and operation-level parameters, the operation's winning on the same name and location.</summary>
    internal IReadOnlyList<OpenApiParameter> Parameters { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Method.Method} {PathTemplate} ({OperationId})";
}
