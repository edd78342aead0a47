using System.Globalization;
using System.Text.Json;

namespace Alchemiser.Alpaca.ContractTests.OpenApi;

/// <summary>
/// One OpenAPI 3.0 document read for contract checks: which operation a request targets, whether a request (path,
/// query, body) and a response (status, body) are what the document describes, and the examples it gives.
/// <see cref="Trading"/> and <see cref="MarketData"/> are Alpaca's two documents, each parsed once per test run.
/// </summary>
/// <remarks>
/// What is checked of a request: the path fits a paths key and that key has the method; path parameters against
/// their schemas; query parameter names against the declared ones, required ones present, values against their
/// schemas (a value is read as the parameter's type first, so <c>limit=abc</c> is a string where an integer is
/// wanted; array parameters take repeats and comma-separated values); a body only where a requestBody is declared,
/// valid JSON, against the <c>application/json</c> schema with <see cref="SchemaDirection.Request"/> strictness.
/// Header and cookie parameters are not checked (the request line and body are all a caller gives), and server URLs
/// are taken to have no base path (true of both Alpaca documents).
/// </remarks>
public sealed class OpenApiContract
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private static readonly Lazy<OpenApiContract> TradingContract =
        new(() => Load(Path.Combine(AlpacaContractFiles.Directory, AlpacaContractFiles.Trading)));

    private static readonly Lazy<OpenApiContract> MarketDataContract =
        new(() => Load(Path.Combine(AlpacaContractFiles.Directory, AlpacaContractFiles.MarketData)));

    private readonly JsonElement _root;
    private readonly List<(PathTemplate Template, Dictionary<string, OpenApiOperation> ByMethod)> _paths;
    private readonly Dictionary<string, OpenApiOperation> _byId;
    private readonly List<OpenApiOperation> _operations;

    private OpenApiContract(string name, JsonElement root)
    {
        Name = name;
        _root = root;
        Validator = new SchemaValidator(root);
        _paths = [];
        _byId = new Dictionary<string, OpenApiOperation>(StringComparer.Ordinal);
        _operations = [];
        if (!root.TryGetProperty("paths", out var paths) || paths.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var path in paths.EnumerateObject())
        {
            var template = PathTemplate.Parse(path.Name);
            var byMethod = new Dictionary<string, OpenApiOperation>(StringComparer.OrdinalIgnoreCase);
            foreach (var method in Methods.Where(m => path.Value.TryGetProperty(m, out _)))
            {
                var node = path.Value.GetProperty(method);
                var id = node.TryGetProperty("operationId", out var operationId) && operationId.GetString() is { Length: > 0 } text
                    ? text
                    : $"{method.ToUpperInvariant()} {path.Name}";
                var operation = new OpenApiOperation(id, new HttpMethod(method.ToUpperInvariant()), template, node, MergedParameters(path.Value, node));
                byMethod[method] = operation;
                _operations.Add(operation);
                _byId.TryAdd(id, operation);
            }

            _paths.Add((template, byMethod));
        }

        _paths.Sort((a, b) => PathTemplate.BySpecificity(a.Template, b.Template));
    }

    /// <summary>Alpaca's Trading API document (<c>trading-api.json</c>).</summary>
    public static OpenApiContract Trading => TradingContract.Value;

    /// <summary>Alpaca's Market Data API document (<c>market-data-api.json</c>).</summary>
    public static OpenApiContract MarketData => MarketDataContract.Value;

    /// <summary>The document's file name (what <see cref="KnownSpecQuirks"/> entries are keyed by).</summary>
    public string Name { get; }

    /// <summary>The document's <c>info.title</c>.</summary>
    public string Title => _root.TryGetProperty("info", out var info) && info.TryGetProperty("title", out var title) ? title.GetString() ?? Name : Name;

    /// <summary>The schema validator over this document, for checks on schemas of one's own choosing.</summary>
    public SchemaValidator Validator { get; }

    /// <summary>Every operation, paths in document order, each path's methods in the order get, put, post, delete, options, head, patch, trace.</summary>
    public IReadOnlyList<OpenApiOperation> Operations => _operations;

    /// <summary>Reads an OpenAPI 3.0.x document from a file.</summary>
    public static OpenApiContract Load(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    /// <summary>Reads an OpenAPI 3.0.x document from its JSON text; <paramref name="name"/> stands for its file name.</summary>
    public static OpenApiContract Parse(string json, string name)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement.Clone();
        var version = root.TryGetProperty("openapi", out var openapi) ? openapi.GetString() : null;
        if (version is null || !version.StartsWith("3.0.", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{name} declares openapi '{version ?? "(none)"}'; this validator reads OpenAPI 3.0.x documents.");
        }

        return new OpenApiContract(name, root);
    }

    /// <summary>The operation with this operationId, or null.</summary>
    public OpenApiOperation? FindOperationById(string operationId) => _byId.GetValueOrDefault(operationId);

    /// <summary>
    /// The operation a request targets, or null when no paths key fits the path or the fitting key lacks the method.
    /// Of several fitting keys the most specific wins (a literal segment beats a placeholder); the method is then
    /// looked up on that key alone, as OpenAPI routes. The query and fragment are ignored.
    /// </summary>
    public OpenApiOperation? FindOperation(HttpMethod method, string pathAndQuery)
    {
        var (path, _) = QueryString.Split(pathAndQuery);
        return Route(path) is { } route ? route.ByMethod.GetValueOrDefault(method.Method) : null;
    }

    /// <summary>Every problem of a request against the document; empty when it is one the document describes.</summary>
    public IReadOnlyList<ContractProblem> ValidateRequest(HttpMethod method, Uri uri, string? body) =>
        ValidateRequest(method, uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString, body);

    /// <summary>Every problem of a request (method, <c>/path?query</c>, JSON body or null) against the document.</summary>
    public IReadOnlyList<ContractProblem> ValidateRequest(HttpMethod method, string pathAndQuery, string? body)
    {
        var problems = new List<ContractProblem>();
        var (path, query) = QueryString.Split(pathAndQuery);
        if (Route(path) is not { } route)
        {
            problems.Add(new("operation", $"no path of {Name} fits {method.Method} {path}"));
            return problems;
        }

        if (!route.ByMethod.TryGetValue(method.Method, out var operation))
        {
            var offered = string.Join(", ", route.ByMethod.Values.Select(o => o.Method.Method));
            problems.Add(new("operation", $"{route.Template.Text} of {Name} has no {method.Method} operation (it has {offered})"));
            return problems;
        }

        CheckPathParameters(operation, route.Template.Match(path)!, problems);
        CheckQuery(operation, query, problems);
        CheckBody(operation, body, problems);
        return problems;
    }

    /// <summary>
    /// Every problem of a response body against the schema the operation declares for <paramref name="status"/>
    /// (or its <c>default</c> response); a status the operation does not declare is itself a problem.
    /// </summary>
    public IReadOnlyList<ContractProblem> ValidateResponse(string operationId, int status, string? body)
    {
        var problems = new List<ContractProblem>();
        if (FindOperationById(operationId) is not { } operation)
        {
            problems.Add(new("operation", $"{Name} has no operation {JsonValues.Quote(operationId)}"));
            return problems;
        }

        CheckResponse(operation, status, body, problems);
        return problems;
    }

    /// <summary>As <see cref="ValidateResponse(string, int, string?)"/>, the operation found from the request's method and path.</summary>
    public IReadOnlyList<ContractProblem> ValidateResponse(HttpMethod method, string pathAndQuery, int status, string? body)
    {
        var problems = new List<ContractProblem>();
        if (FindOperation(method, pathAndQuery) is not { } operation)
        {
            problems.Add(new("operation", $"{Name} has no operation for {method.Method} {QueryString.Split(pathAndQuery).Path}"));
            return problems;
        }

        CheckResponse(operation, status, body, problems);
        return problems;
    }

    /// <summary>The response statuses the operation declares, as written (<c>200</c>, <c>207</c>, <c>default</c>, ...).</summary>
    public IReadOnlyList<string> ResponseStatuses(string operationId) =>
        Operation(operationId).Node.TryGetProperty("responses", out var responses) && responses.ValueKind == JsonValueKind.Object
            ? [.. responses.EnumerateObject().Select(r => r.Name)]
            : [];

    /// <summary>The lowest 2xx status the operation declares (200 mostly; 207 for Alpaca's cancel-all), or null.</summary>
    public int? SuccessStatus(string operationId) =>
        ResponseStatuses(operationId)
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .Where(n => n is >= 200 and < 300)
            .Order()
            .Select(n => (int?)n)
            .FirstOrDefault();

    /// <summary>
    /// The examples the document gives for the operation's <c>application/json</c> response at
    /// <paramref name="status"/> (see <see cref="OpenApiExample"/>); empty when it gives none.
    /// </summary>
    public IReadOnlyList<OpenApiExample> Examples(string operationId, int status)
    {
        var examples = new List<OpenApiExample>();
        if (ResponseFor(Operation(operationId), status) is not { } response || JsonMedia(response) is not { } media)
        {
            return examples;
        }

        if (media.TryGetProperty("example", out var single))
        {
            examples.Add(new("example", single));
        }

        if (media.TryGetProperty("examples", out var named) && named.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in named.EnumerateObject())
            {
                if (Resolve(entry.Value) is { } example && example.TryGetProperty("value", out var value))
                {
                    examples.Add(new(entry.Name, value));
                }
            }
        }

        if (media.TryGetProperty("schema", out var schema) && Validator.Dereference(schema) is { } target
            && target.ValueKind == JsonValueKind.Object && target.TryGetProperty("example", out var schemaExample))
        {
            examples.Add(new("schema example", schemaExample));
        }

        return examples;
    }

    /// <summary>The element at a local reference such as <c>#/components/schemas/Order</c>; throws when there is none.</summary>
    public JsonElement Component(string reference) =>
        JsonPointer.Resolve(_root, reference) ?? throw new KeyNotFoundException($"{Name} has nothing at {reference}");

    private OpenApiOperation Operation(string operationId) =>
        FindOperationById(operationId) ?? throw new KeyNotFoundException($"{Name} has no operation '{operationId}'");

    private (PathTemplate Template, Dictionary<string, OpenApiOperation> ByMethod)? Route(string path)
    {
        foreach (var entry in _paths)
        {
            if (entry.Template.Match(path) is not null)
            {
                return entry;
            }
        }

        return null;
    }

    private List<OpenApiParameter> MergedParameters(JsonElement pathItem, JsonElement operation)
    {
        var merged = new List<OpenApiParameter>();
        foreach (var level in new[] { pathItem, operation })
        {
            if (!level.TryGetProperty("parameters", out var parameters) || parameters.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var declared in parameters.EnumerateArray())
            {
                var component = declared.TryGetProperty("$ref", out var reference) ? reference.GetString() : null;
                if (Resolve(declared) is not { } parameter || !parameter.TryGetProperty("name", out var name) || !parameter.TryGetProperty("in", out var location))
                {
                    throw new InvalidDataException($"{Name}: a parameter of {operation} cannot be resolved ({declared.GetRawText()})");
                }

                var required = location.GetString() == "path"
                    || (parameter.TryGetProperty("required", out var flag) && flag.ValueKind == JsonValueKind.True);
                JsonElement? schema = parameter.TryGetProperty("schema", out var s) ? s : null;
                merged.RemoveAll(p => p.Name == name.GetString() && p.In == location.GetString());
                merged.Add(new OpenApiParameter(name.GetString()!, location.GetString()!, required, schema, component));
            }
        }

        return merged;
    }

    private void CheckPathParameters(OpenApiOperation operation, IReadOnlyDictionary<string, string> values, List<ContractProblem> problems)
    {
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            var location = JsonPointer.Append("path", parameter.Name);
            if (!values.TryGetValue(parameter.Name, out var value))
            {
                problems.Add(new(location, $"the document declares path parameter {JsonValues.Quote(parameter.Name)}, which {operation.PathTemplate} does not contain"));
            }
            else if (parameter.Schema is { } schema)
            {
                problems.AddRange(Validator.Validate(Typed(value, schema), schema, SchemaDirection.Request, location));
            }
        }
    }

    private void CheckQuery(OpenApiOperation operation, IReadOnlyList<KeyValuePair<string, string>> query, List<ContractProblem> problems)
    {
        var declared = operation.Parameters.Where(p => p.In == "query").ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var group in query.GroupBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var location = JsonPointer.Append("query", group.Key);
            if (!declared.TryGetValue(group.Key, out var parameter))
            {
                var names = declared.Count == 0 ? "none" : string.Join(", ", declared.Keys.Order(StringComparer.Ordinal));
                problems.Add(new(location, $"unknown query parameter {JsonValues.Quote(group.Key)}{NameSuggestion.For(group.Key, declared.Keys)}; {operation.OperationId} declares {names}"));
                continue;
            }

            if (parameter.Schema is not { } schema)
            {
                continue;
            }

            var values = group.Select(pair => pair.Value).ToList();
            if (Validator.DeclaredType(schema) == "array")
            {
                var itemSchema = Validator.Dereference(schema) is { } array && array.TryGetProperty("items", out var items) ? items : default;
                var elements = values.SelectMany(v => v.Split(',')).Select(v => itemSchema.ValueKind == JsonValueKind.Undefined ? JsonValues.String(v) : Typed(v, itemSchema));
                problems.AddRange(Validator.Validate(JsonValues.Array(elements), schema, SchemaDirection.Request, location));
            }
            else if (values.Count > 1)
            {
                problems.Add(new(location, $"given {values.Count} times; the parameter takes one value"));
            }
            else
            {
                var value = AcceptsDateForDateTime(parameter, schema, values[0]) ? values[0] + "T00:00:00Z" : values[0];
                problems.AddRange(Validator.Validate(Typed(value, schema), schema, SchemaDirection.Request, location));
            }
        }

        foreach (var missing in declared.Values.Where(p => p.Required && !query.Any(pair => pair.Key == p.Name)))
        {
            problems.Add(new(JsonPointer.Append("query", missing.Name), $"required query parameter {JsonValues.Quote(missing.Name)} is missing"));
        }
    }

    /// <summary>
    /// A date for a date-time query parameter that <see cref="KnownSpecQuirks.DateAcceptedForDateTimeQueryParameter"/>
    /// lists is read as that day's midnight UTC, as Alpaca's servers read it.
    /// </summary>
    private bool AcceptsDateForDateTime(OpenApiParameter parameter, JsonElement schema, string value) =>
        parameter.Component is { } component
        && KnownSpecQuirks.DateAcceptedForDateTimeQueryParameter.Any(q => q.File == Name && q.Where == component)
        && Validator.Dereference(schema) is { } target
        && target.TryGetProperty("format", out var format) && format.GetString() == "date-time"
        && StringFormats.IsDate(value);

    /// <summary>A query or path value as JSON of the schema's type when it reads as one, else as a JSON string (which then fails the type check).</summary>
    private JsonElement Typed(string value, JsonElement schema) => Validator.DeclaredType(schema) switch
    {
        "integer" or "number" => JsonValues.TryParseNumber(value) ?? JsonValues.String(value),
        "boolean" => JsonValues.TryParseBoolean(value) ?? JsonValues.String(value),
        _ => JsonValues.String(value),
    };

    private void CheckBody(OpenApiOperation operation, string? body, List<ContractProblem> problems)
    {
        var hasBody = !string.IsNullOrWhiteSpace(body);
        if (!operation.Node.TryGetProperty("requestBody", out var declared) || Resolve(declared) is not { } requestBody)
        {
            if (hasBody)
            {
                problems.Add(new("body", $"{operation.OperationId} takes no request body, but one was sent"));
            }

            return;
        }

        if (!hasBody)
        {
            if (requestBody.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.True)
            {
                problems.Add(new("body", $"{operation.OperationId} requires a request body, but none was sent"));
            }

            return;
        }

        if (JsonMedia(requestBody) is not { } media || !media.TryGetProperty("schema", out var schema))
        {
            problems.Add(new("body", $"{operation.OperationId} declares no application/json request body schema"));
            return;
        }

        CheckJson(body!, schema, SchemaDirection.Request, "body", problems);
    }

    private void CheckResponse(OpenApiOperation operation, int status, string? body, List<ContractProblem> problems)
    {
        var code = status.ToString(CultureInfo.InvariantCulture);
        if (ResponseFor(operation, status) is not { } response)
        {
            var declared = string.Join(", ", ResponseStatuses(operation.OperationId));
            problems.Add(new("response", $"{operation.OperationId} declares no response for status {code} and no default (it declares {declared})"));
            return;
        }

        var hasBody = !string.IsNullOrWhiteSpace(body);
        if (!response.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object || !content.EnumerateObject().Any())
        {
            if (hasBody)
            {
                problems.Add(new("response", $"{operation.OperationId} declares no body for status {code}, but one was given"));
            }

            return;
        }

        if (JsonMedia(response) is not { } media)
        {
            problems.Add(new("response", $"{operation.OperationId} declares no application/json body for status {code}"));
            return;
        }

        if (!hasBody)
        {
            problems.Add(new("response", $"{operation.OperationId} declares a JSON body for status {code}, but none was given"));
            return;
        }

        if (media.TryGetProperty("schema", out var schema))
        {
            CheckJson(body!, schema, SchemaDirection.Response, "response", problems);
        }
    }

    private void CheckJson(string text, JsonElement schema, SchemaDirection direction, string location, List<ContractProblem> problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            problems.Add(new(location, $"not valid JSON: {e.Message}"));
            return;
        }

        using (document)
        {
            problems.AddRange(Validator.Validate(document.RootElement, schema, direction, location));
        }
    }

    private JsonElement? ResponseFor(OpenApiOperation operation, int status)
    {
        if (!operation.Node.TryGetProperty("responses", out var responses) || responses.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var code = status.ToString(CultureInfo.InvariantCulture);
        foreach (var key in new[] { code, code[0] + "XX", code[0] + "xx", "default" })
        {
            if (responses.TryGetProperty(key, out var response))
            {
                return Resolve(response);
            }
        }

        return null;
    }

    private static JsonElement? JsonMedia(JsonElement holder)
    {
        if (!holder.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var media in content.EnumerateObject())
        {
            var type = media.Name.Split(';')[0].Trim();
            if (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            {
                return media.Value;
            }
        }

        return null;
    }

    /// <summary>Follows a chain of <c>$ref</c>s (to components/parameters, responses, requestBodies, examples); null when it leads nowhere or loops.</summary>
    private JsonElement? Resolve(JsonElement element) => Validator.Dereference(element);
}
