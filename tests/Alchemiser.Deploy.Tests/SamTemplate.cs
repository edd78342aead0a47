using YamlDotNet.RepresentationModel;

namespace Alchemiser.Deploy.Tests;

/// <summary>
/// A CloudFormation/SAM template read with YamlDotNet's representation model: short-form intrinsics (<c>!Ref</c>,
/// <c>!Sub</c>, <c>!If</c>, ...) stay on the nodes as tags, so every template loads and tests can see them.
/// </summary>
internal sealed class SamTemplate
{
    private SamTemplate(YamlMappingNode root) => Root = root;

    /// <summary>The repository's template.yaml.</summary>
    public static SamTemplate Repository { get; } = Load(RepositoryLayout.PathOf("template.yaml"));

    public YamlMappingNode Root { get; }

    public YamlMappingNode Resources => (YamlMappingNode)Root.Get("Resources")!;

    public static SamTemplate Load(string path) => Parse(File.ReadAllText(path));

    public static SamTemplate Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return new SamTemplate((YamlMappingNode)stream.Documents[0].RootNode);
    }

    /// <summary>Logical ids of the resources of <paramref name="type"/>, in template order.</summary>
    public IReadOnlyList<string> IdsOfType(string type) =>
        Resources.Children
            .Where(entry => entry.Value is YamlMappingNode resource && resource.Scalar("Type") == type)
            .Select(entry => ((YamlScalarNode)entry.Key).Value!)
            .ToList();

    public IReadOnlyList<string> Functions => IdsOfType("AWS::Serverless::Function");

    public YamlMappingNode Resource(string logicalId) =>
        Resources.Get(logicalId) as YamlMappingNode ?? throw new KeyNotFoundException($"template.yaml has no resource {logicalId}");

    public YamlMappingNode Properties(string logicalId) => (YamlMappingNode)Resource(logicalId).Get("Properties")!;

    /// <summary>A function's property, falling back to <c>Globals.Function</c> as SAM does.</summary>
    public YamlNode? FunctionProperty(string function, string name) =>
        Properties(function).Get(name) ?? ((Root.Get("Globals") as YamlMappingNode)?.Get("Function") as YamlMappingNode)?.Get(name);

    /// <summary>Every environment variable name, from Globals and from each function, with where it was declared.</summary>
    public IEnumerable<(string Where, string Name)> EnvironmentVariableNames()
    {
        if ((Root.Get("Globals") as YamlMappingNode)?.Get("Function") is YamlMappingNode globals)
        {
            foreach (var name in VariableNames(globals))
            {
                yield return ("Globals", name);
            }
        }

        foreach (var (key, value) in Resources.Children)
        {
            if (value is YamlMappingNode resource && resource.Get("Properties") is YamlMappingNode properties)
            {
                foreach (var name in VariableNames(properties))
                {
                    yield return (((YamlScalarNode)key).Value!, name);
                }
            }
        }
    }

    /// <summary>The variables a function runs with: Globals' and its own (its own win), each with its template value node.</summary>
    public IReadOnlyDictionary<string, YamlNode> FunctionEnvironment(string function)
    {
        var variables = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var properties in new[] { (Root.Get("Globals") as YamlMappingNode)?.Get("Function") as YamlMappingNode, Properties(function) })
        {
            if ((properties?.Get("Environment") as YamlMappingNode)?.Get("Variables") is YamlMappingNode declared)
            {
                foreach (var (key, value) in declared.Children)
                {
                    variables[((YamlScalarNode)key).Value!] = value;
                }
            }
        }

        return variables;
    }

    private static IEnumerable<string> VariableNames(YamlMappingNode properties) =>
        (properties.Get("Environment") as YamlMappingNode)?.Get("Variables") is YamlMappingNode variables
            ? variables.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!)
            : [];
}

internal static class YamlNodes
{
    public static YamlNode? Get(this YamlMappingNode mapping, string key) =>
        mapping.Children.FirstOrDefault(entry => entry.Key is YamlScalarNode { Value: { } k } && k == key).Value;

    /// <summary>The scalar under <paramref name="key"/> (tagged or not), or null.</summary>
    public static string? Scalar(this YamlMappingNode mapping, string key) => (mapping.Get(key) as YamlScalarNode)?.Value;

    /// <summary>A scalar or a sequence of scalars, as a list.</summary>
    public static IReadOnlyList<YamlNode> AsList(this YamlNode? node) => node switch
    {
        null => [],
        YamlSequenceNode sequence => sequence.Children.ToList(),
        _ => [node],
    };

    /// <summary>The logical id of <c>!Ref X</c> / <c>!GetAtt X.Attr</c> (short or long form), or null.</summary>
    public static string? ReferencedId(this YamlNode node) => node switch
    {
        YamlScalarNode { Tag.IsEmpty: false, Value: { } value } scalar when scalar.Tag.Value is "!Ref" or "!GetAtt" => value.Split('.')[0],
        YamlMappingNode { Children.Count: 1 } m when m.Get("Ref") is YamlScalarNode { Value: { } id } => id,
        YamlMappingNode { Children.Count: 1 } m when m.Get("Fn::GetAtt") is YamlSequenceNode { Children: [YamlScalarNode { Value: { } id }, ..] } => id,
        _ => null,
    };

    /// <summary>Every node of the tree, depth first.</summary>
    public static IEnumerable<YamlNode> Descendants(this YamlNode node)
    {
        yield return node;
        var children = node switch
        {
            YamlMappingNode mapping => mapping.Children.Values,
            YamlSequenceNode sequence => sequence.Children,
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var descendant in child.Descendants())
            {
                yield return descendant;
            }
        }
    }
}
