using System.Globalization;
using System.Text.Json;
using Alchemiser.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Alchemiser.Local.Hosting;

/// <summary>
/// The event routing of <c>template.yaml</c>, read from the template itself so the in-process bus routes exactly as
/// EventBridge does. Every enabled <c>AWS::Events::Rule</c> with an <c>EventPattern</c> becomes one
/// <see cref="EventRoute"/> per target; rules without a pattern (schedules) are not routes.
/// </summary>
/// <remarks>
/// Supported, and checked: patterns on <c>source</c> and <c>detail-type</c> only, each an array of exact strings or
/// <c>{"prefix": ...}</c> filters, written as YAML or as a JSON string; rules on a bus declared in the template;
/// targets <c>!GetAtt X.Arn</c> where X is a function, or an SQS queue consumed by exactly one function (through an
/// <c>AWS::Lambda::EventSourceMapping</c> or a SAM <c>Events</c> entry of type <c>SQS</c>). Anything else is a
/// <see cref="ConfigurationException"/> rather than a route the local bus would silently get wrong.
/// </remarks>
public sealed class TemplateRoutes
{
    /// <summary>The template's file name in the repository root.</summary>
    public const string FileName = "template.yaml";

    private const string ServerlessFunction = "AWS::Serverless::Function";
    private const string LambdaFunction = "AWS::Lambda::Function";
    private const string SqsQueue = "AWS::SQS::Queue";
    private const string EventSourceMapping = "AWS::Lambda::EventSourceMapping";
    private const string EventBus = "AWS::Events::EventBus";
    private const string Rule = "AWS::Events::Rule";
    private const string SourceField = "source";
    private const string DetailTypeField = "detail-type";
    private const string Hint = "Fix the rule in template.yaml; the local bus supports source and detail-type patterns of exact strings and {\"prefix\": ...} filters, targeting functions or queues consumed by functions.";

    private TemplateRoutes(IReadOnlyList<EventRoute> routes, IReadOnlyList<TemplateFunction> functions)
    {
        Routes = routes;
        Functions = functions;
    }

    /// <summary>Every route, in the order the rules and their targets appear in the template.</summary>
    public IReadOnlyList<EventRoute> Routes { get; }

    /// <summary>Every Lambda function of the template (<c>AWS::Serverless::Function</c> or <c>AWS::Lambda::Function</c>), in template order.</summary>
    public IReadOnlyList<TemplateFunction> Functions { get; }

    /// <summary>The routes an event with this <c>source</c> and <c>detail-type</c> travels; empty when EventBridge would drop it.</summary>
    public IReadOnlyList<EventRoute> Match(string source, string detailType) =>
        Routes.Where(route => route.Matches(source, detailType)).ToList();

    /// <summary>Reads the template at <paramref name="path"/>.</summary>
    public static TemplateRoutes Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"{path}: cannot read the template: {ex.Message}", "Run from the repository root or pass the path of template.yaml.", ex);
        }

        return Parse(text, path);
    }

    /// <summary>Reads a template from <paramref name="yaml"/>; <paramref name="sourceName"/> prefixes every error message.</summary>
    public static TemplateRoutes Parse(string yaml, string sourceName = FileName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (Exception ex) when (ex is YamlException or ArgumentException)
        {
            throw new ConfigurationException($"{sourceName}: not a readable YAML template: {ex.Message}", "Check the template with cfn-lint.", ex);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ConfigurationException($"{sourceName}: expected one YAML document holding a mapping", "Check the template with cfn-lint.");
        }

        return new Reader(sourceName, root).Read();
    }

    private sealed class Reader
    {
        private readonly string _source;
        private readonly YamlMappingNode _root;
        private readonly Dictionary<string, (string Type, YamlMappingNode Node)> _resources = new(StringComparer.Ordinal);
        private readonly List<string> _order = [];
        private readonly Dictionary<string, List<string>> _queueConsumers = new(StringComparer.Ordinal);

        public Reader(string source, YamlMappingNode root)
        {
            _source = source;
            _root = root;
        }

        public TemplateRoutes Read()
        {
            if (_root.Get("Resources") is not YamlMappingNode resources)
            {
                throw Error("has no Resources mapping");
            }

            foreach (var (key, value) in resources.Children)
            {
                if (key is YamlScalarNode { Value: { Length: > 0 } id } && value is YamlMappingNode resource && resource.GetString("Type") is { } type)
                {
                    if (!_resources.TryAdd(id, (type, resource)))
                    {
                        throw Error($"the logical id {id} is declared twice ({key.Where()})");
                    }

                    _order.Add(id);
                }
            }

            var functions = _order
                .Where(id => IsFunction(_resources[id].Type))
                .Select(id => new TemplateFunction(id, Properties(_resources[id].Node)?.GetString("Handler")))
                .ToList();

            FindQueueConsumers();

            var routes = new List<EventRoute>();
            foreach (var id in _order)
            {
                if (_resources[id] is (Rule, var node))
                {
                    routes.AddRange(ReadRule(id, node));
                }
            }

            return new TemplateRoutes(routes, functions);
        }

        private static bool IsFunction(string type) => type is ServerlessFunction or LambdaFunction;

        private static YamlMappingNode? Properties(YamlMappingNode resource) => resource.Get("Properties") as YamlMappingNode;

        /// <summary>Which functions read which queue: event-source mappings and SAM <c>Events</c> of type SQS.</summary>
        private void FindQueueConsumers()
        {
            foreach (var id in _order)
            {
                var (type, node) = _resources[id];
                var properties = Properties(node);
                if (properties is null)
                {
                    continue;
                }

                if (type == EventSourceMapping
                    && properties.Get("EventSourceArn") is { } sourceArn && sourceArn.TryGetReference(out var queue, out _)
                    && properties.Get("FunctionName") is { } functionName && functionName.TryGetReference(out var function, out _))
                {
                    AddQueueConsumer(queue, function);
                }
                else if (type == ServerlessFunction && properties.Get("Events") is YamlMappingNode events)
                {
                    foreach (var (_, entry) in events.Children)
                    {
                        if (entry is YamlMappingNode e && e.GetString("Type") == "SQS"
                            && e.Get("Properties") is YamlMappingNode sqs && sqs.Get("Queue") is { } queueArn && queueArn.TryGetReference(out var samQueue, out _))
                        {
                            AddQueueConsumer(samQueue, id);
                        }
                    }
                }
            }
        }

        private void AddQueueConsumer(string queue, string function)
        {
            if (!_queueConsumers.TryGetValue(queue, out var consumers))
            {
                _queueConsumers[queue] = consumers = [];
            }

            if (!consumers.Contains(function, StringComparer.Ordinal))
            {
                consumers.Add(function);
            }
        }

        private IEnumerable<EventRoute> ReadRule(string id, YamlMappingNode rule)
        {
            var properties = Properties(rule);
            var pattern = properties?.Get("EventPattern");
            if (properties is null || pattern is null)
            {
                return [];
            }

            if (properties.GetString("State") is { } state && !string.Equals(state, "ENABLED", StringComparison.Ordinal))
            {
                return [];
            }

            CheckBus(id, properties);
            var (sources, detailTypes) = ReadPattern(id, pattern);

            if (properties.Get("Targets") is not YamlSequenceNode { Children.Count: > 0 } targets)
            {
                throw Error($"rule {id} has an event pattern but no Targets");
            }

            return targets.Children.Select(target => ReadTarget(id, target, sources, detailTypes)).ToList();
        }

        private void CheckBus(string id, YamlMappingNode properties)
        {
            var bus = properties.Get("EventBusName");
            if (bus is null)
            {
                throw Error($"rule {id} has no EventBusName, so it listens on the default bus where no workflow event arrives");
            }

            if (!bus.TryGetReference(out var busId, out _) || !_resources.TryGetValue(busId, out var resource) || resource.Type != EventBus)
            {
                throw Error($"rule {id}: EventBusName must be !Ref (or !GetAtt) of an {EventBus} declared in the template ({bus.Where()})");
            }
        }

        private (IReadOnlyList<EventPatternValue> Sources, IReadOnlyList<EventPatternValue> DetailTypes) ReadPattern(string id, YamlNode pattern)
        {
            IReadOnlyList<EventPatternValue> sources = [];
            IReadOnlyList<EventPatternValue> detailTypes = [];
            var fields = pattern switch
            {
                YamlMappingNode { Tag.IsEmpty: true } mapping => ReadYamlPattern(id, mapping),
                YamlScalarNode { Tag.IsEmpty: true, Value: { } json } => ReadJsonPattern(id, json),
                _ => throw Error($"rule {id}: EventPattern must be a mapping or a JSON string, not an intrinsic function ({pattern.Where()})"),
            };

            foreach (var (field, values) in fields)
            {
                switch (field)
                {
                    case SourceField:
                        sources = values;
                        break;
                    case DetailTypeField:
                        detailTypes = values;
                        break;
                    default:
                        throw Error($"rule {id}: the event pattern field '{field}' is not supported by the local bus (only {SourceField} and {DetailTypeField})");
                }
            }

            if (sources.Count == 0 && detailTypes.Count == 0)
            {
                throw Error($"rule {id}: the event pattern constrains neither {SourceField} nor {DetailTypeField}");
            }

            return (sources, detailTypes);
        }

        private List<(string Field, IReadOnlyList<EventPatternValue> Values)> ReadYamlPattern(string id, YamlMappingNode mapping)
        {
            var fields = new List<(string, IReadOnlyList<EventPatternValue>)>();
            foreach (var (key, value) in mapping.Children)
            {
                var field = (key as YamlScalarNode)?.Value ?? throw Error($"rule {id}: event pattern keys must be strings ({key.Where()})");
                if (field is not (SourceField or DetailTypeField))
                {
                    fields.Add((field, []));
                    continue;
                }

                if (value is not YamlSequenceNode { Tag.IsEmpty: true, Children.Count: > 0 } array)
                {
                    throw Error($"rule {id}: {field} must be a non-empty array ({value.Where()})");
                }

                fields.Add((field, array.Children.Select(element => ReadYamlValue(id, field, element)).ToList()));
            }

            return fields;
        }

        private EventPatternValue ReadYamlValue(string id, string field, YamlNode element)
        {
            switch (element)
            {
                case YamlScalarNode { Tag.IsEmpty: true, Value: { } text } scalar:
                    if (scalar.Style == ScalarStyle.Plain && LooksLikeJsonLiteral(text))
                    {
                        throw Error($"rule {id}: {field} value {text} is not a string ({element.Where()})");
                    }

                    return EventPatternValue.Exact(text);
                case YamlMappingNode { Tag.IsEmpty: true, Children.Count: 1 } filter
                    when filter.Get("prefix") is YamlScalarNode { Tag.IsEmpty: true, Value: { Length: > 0 } prefix }:
                    return EventPatternValue.Prefix(prefix);
                default:
                    throw Error($"rule {id}: {field} supports exact strings and {{\"prefix\": ...}} filters only ({element.Where()})");
            }
        }

        private static bool LooksLikeJsonLiteral(string text) =>
            text is "null" or "true" or "false" or "~" or ""
            || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

        private List<(string Field, IReadOnlyList<EventPatternValue> Values)> ReadJsonPattern(string id, string json)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json);
            }
            catch (JsonException ex)
            {
                throw Error($"rule {id}: EventPattern is a string but not JSON: {ex.Message}");
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw Error($"rule {id}: EventPattern JSON must be an object");
                }

                var fields = new List<(string, IReadOnlyList<EventPatternValue>)>();
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Name is not (SourceField or DetailTypeField))
                    {
                        fields.Add((property.Name, []));
                        continue;
                    }

                    if (property.Value.ValueKind != JsonValueKind.Array || property.Value.GetArrayLength() == 0)
                    {
                        throw Error($"rule {id}: {property.Name} must be a non-empty array");
                    }

                    fields.Add((property.Name, property.Value.EnumerateArray().Select(element => ReadJsonValue(id, property.Name, element)).ToList()));
                }

                return fields;
            }
        }

        private EventPatternValue ReadJsonValue(string id, string field, JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.String)
            {
                return EventPatternValue.Exact(element.GetString()!);
            }

            if (element.ValueKind == JsonValueKind.Object
                && element.EnumerateObject().ToList() is [{ Name: "prefix", Value.ValueKind: JsonValueKind.String } prefix]
                && prefix.Value.GetString() is { Length: > 0 } text)
            {
                return EventPatternValue.Prefix(text);
            }

            throw Error($"rule {id}: {field} supports exact strings and {{\"prefix\": ...}} filters only, not {element.GetRawText()}");
        }

        private EventRoute ReadTarget(string id, YamlNode target, IReadOnlyList<EventPatternValue> sources, IReadOnlyList<EventPatternValue> detailTypes)
        {
            var arn = (target as YamlMappingNode)?.Get("Arn")
                ?? throw Error($"rule {id}: every target needs an Arn ({target.Where()})");
            if (!arn.TryGetReference(out var targetId, out var attribute) || attribute != "Arn")
            {
                throw Error($"rule {id}: a target Arn must be !GetAtt <LogicalId>.Arn of a resource in the template ({arn.Where()})");
            }

            if (!_resources.TryGetValue(targetId, out var resource))
            {
                throw Error($"rule {id}: the target {targetId} is not a resource of the template");
            }

            if (IsFunction(resource.Type))
            {
                return new EventRoute(id, sources, detailTypes, targetId);
            }

            if (resource.Type == SqsQueue)
            {
                return _queueConsumers.GetValueOrDefault(targetId) switch
                {
                    [var consumer] when _resources.TryGetValue(consumer, out var f) && IsFunction(f.Type) => new EventRoute(id, sources, detailTypes, consumer, targetId),
                    null or [] => throw Error($"rule {id}: the target queue {targetId} has no event-source mapping to a function"),
                    var many => throw Error($"rule {id}: the target queue {targetId} must feed exactly one function, not {string.Join(", ", many)}"),
                };
            }

            throw Error($"rule {id}: the target {targetId} is a {resource.Type}; the local bus delivers to functions and to queues consumed by a function");
        }

        private ConfigurationException Error(string message) => new($"{_source}: {message}", Hint);
    }
}
