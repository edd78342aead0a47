using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Alchemiser.Local.Hosting;

/// <summary>
/// Reading a CloudFormation template from the YAML representation model. Short-form intrinsic tags (<c>!Ref</c>,
/// <c>!GetAtt</c>, <c>!Sub</c>, <c>!If</c>, ...) stay on the nodes as plain tags, so any template loads; the helpers
/// here understand the two intrinsics routing needs, in short and long form.
/// </summary>
internal static class CloudFormationNodes
{
    /// <summary>The value under <paramref name="key"/>, or null. Keys are compared as plain strings.</summary>
    public static YamlNode? Get(this YamlMappingNode mapping, string key)
    {
        foreach (var (name, value) in mapping.Children)
        {
            if (name is YamlScalarNode scalar && string.Equals(scalar.Value, key, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The plain (untagged) string under <paramref name="key"/>, or null when absent or not a plain string.</summary>
    public static string? GetString(this YamlMappingNode mapping, string key) =>
        mapping.Get(key) is YamlScalarNode scalar && scalar.Tag.IsEmpty ? scalar.Value : null;

    /// <summary>Where <paramref name="node"/> starts, as <c>line L, column C</c>.</summary>
    public static string Where(this YamlNode node) =>
        string.Create(CultureInfo.InvariantCulture, $"line {node.Start.Line}, column {node.Start.Column}");

    /// <summary>
    /// Recognises an intrinsic function: a short-form tag (<c>!GetAtt X.Arn</c> gives <c>Fn::GetAtt</c>, <c>!Ref X</c>
    /// gives <c>Ref</c>) or a one-key long-form mapping (<c>{"Fn::GetAtt": [X, Arn]}</c>, <c>{Ref: X}</c>).
    /// </summary>
    public static bool TryGetIntrinsic(this YamlNode node, out string function, out YamlNode argument)
    {
        if (!node.Tag.IsEmpty && node.Tag.Value.StartsWith('!') && node.Tag.Value.Length > 1)
        {
            var name = node.Tag.Value[1..];
            function = name == "Ref" || name == "Condition" ? name : "Fn::" + name;
            argument = node;
            return true;
        }

        if (node is YamlMappingNode { Children.Count: 1 } mapping
            && mapping.Children.First() is { Key: YamlScalarNode { Value: { } key }, Value: var value }
            && (key == "Ref" || key.StartsWith("Fn::", StringComparison.Ordinal)))
        {
            function = key;
            argument = value;
            return true;
        }

        function = string.Empty;
        argument = node;
        return false;
    }

    /// <summary>
    /// The logical id <paramref name="node"/> points at through <c>Ref</c> or <c>Fn::GetAtt</c>, with the attribute
    /// (null for <c>Ref</c>); false for anything else.
    /// </summary>
    public static bool TryGetReference(this YamlNode node, out string logicalId, out string? attribute)
    {
        logicalId = string.Empty;
        attribute = null;
        if (!node.TryGetIntrinsic(out var function, out var argument))
        {
            return false;
        }

        switch (function)
        {
            case "Ref" when argument is YamlScalarNode { Value: { Length: > 0 } id }:
                logicalId = id;
                return true;
            case "Fn::GetAtt" when argument is YamlScalarNode { Value: { } dotted } && dotted.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot:
                logicalId = dotted[..dot];
                attribute = dotted[(dot + 1)..];
                return attribute.Length > 0;
            case "Fn::GetAtt" when argument is YamlSequenceNode { Children: [YamlScalarNode { Value: { Length: > 0 } id }, YamlScalarNode { Value: { Length: > 0 } name }] }:
                logicalId = id;
                attribute = name;
                return true;
            default:
                return false;
        }
    }
}
