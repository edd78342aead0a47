using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Alchemiser.Alpaca.ContractTests.OpenApi;

/// <summary>
/// Validates a JSON value against an OpenAPI 3.0 Schema Object of one document, reporting every problem found with
/// its location instead of stopping at the first.
/// </summary>
/// <remarks>
/// Keywords checked: <c>$ref</c> (local, siblings ignored as OpenAPI 3.0 says, cycle-safe), <c>type</c> (<c>integer</c>
/// is a number without a fractional part; a number in a string or a string holding a number is a mismatch),
/// <c>nullable</c>, <c>enum</c>, <c>required</c>, <c>properties</c>, <c>additionalProperties</c> (boolean or schema),
/// <c>minProperties</c>/<c>maxProperties</c>, <c>items</c>, <c>minItems</c>/<c>maxItems</c>/<c>uniqueItems</c>,
/// <c>allOf</c>, <c>oneOf</c> (exactly one), <c>anyOf</c> (at least one), <c>minimum</c>/<c>maximum</c> with the
/// 3.0 boolean <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c>, <c>multipleOf</c>, <c>minLength</c>/<c>maxLength</c>
/// (in Unicode code points), <c>pattern</c> (unanchored search) and <c>format</c> (see <see cref="StringFormats"/>;
/// plus the ranges of <c>int32</c>, <c>int64</c>, <c>uint32</c>, <c>uint64</c> on numbers).
/// Undeclared object properties are judged by <see cref="SchemaDirection"/>; the properties of every <c>allOf</c>
/// member count as declared for the whole object, and <c>oneOf</c>/<c>anyOf</c> branches judge them with the
/// branch's own properties added. Annotations (<c>description</c>, <c>example</c>, <c>default</c>,
/// <c>deprecated</c>, <c>x-*</c>) are ignored; <c>readOnly</c>/<c>writeOnly</c> and <c>discriminator</c> are not
/// interpreted (neither Alpaca document uses them).
/// </remarks>
public sealed class SchemaValidator
{
    private static readonly string[] IntegerFormats = ["int32", "int64", "uint32", "uint64"];

    private readonly JsonElement _document;
    private readonly ConcurrentDictionary<string, Regex?> _patterns = new(StringComparer.Ordinal);

    /// <summary>A validator whose <c>$ref</c>s resolve inside <paramref name="document"/> (the whole OpenAPI document).</summary>
    public SchemaValidator(JsonElement document)
    {
        _document = document;
    }

    /// <summary>
    /// Every problem of <paramref name="instance"/> against <paramref name="schema"/>; empty when it conforms.
    /// Locations start at <paramref name="location"/> and add one step per property name or array index.
    /// </summary>
    public IReadOnlyList<ContractProblem> Validate(JsonElement instance, JsonElement schema, SchemaDirection direction, string location = "")
    {
        var problems = new List<ContractProblem>();
        new Walk(this, direction).Check(instance, schema, location, Scope.Root, problems);
        return problems;
    }

    /// <summary>
    /// The type a schema gives its values, looking through <c>$ref</c> and <c>allOf</c>; null when it gives none.
    /// </summary>
    public string? DeclaredType(JsonElement schema)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        return Find(schema);

        string? Find(JsonElement s)
        {
            if (s.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (s.TryGetProperty("$ref", out var reference))
            {
                var text = reference.GetString() ?? string.Empty;
                return visited.Add(text) && JsonPointer.Resolve(_document, text) is { } target ? Find(target) : null;
            }

            if (s.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
            {
                return type.GetString();
            }

            return s.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array
                ? allOf.EnumerateArray().Select(Find).FirstOrDefault(t => t is not null)
                : null;
        }
    }

    /// <summary>The schema a <c>$ref</c> chain ends at (the schema itself when it is no reference), or null when a reference leads nowhere or loops.</summary>
    public JsonElement? Dereference(JsonElement schema)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var current = schema;
        while (current.ValueKind == JsonValueKind.Object && current.TryGetProperty("$ref", out var reference))
        {
            var text = reference.GetString() ?? string.Empty;
            if (!visited.Add(text) || JsonPointer.Resolve(_document, text) is not { } target)
            {
                return null;
            }

            current = target;
        }

        return current;
    }

    private Regex? Pattern(string pattern) => _patterns.GetOrAdd(pattern, static p =>
    {
        try
        {
            return new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return null;
        }
    });

    /// <summary>
    /// How the object being checked is composed: the property names its enclosing schemas declare (known) and whether
    /// this schema is an <c>allOf</c> member, whose parent already judges undeclared properties.
    /// </summary>
    private sealed record Scope(IReadOnlySet<string> Known, bool IsAllOfMember)
    {
        public static Scope Root { get; } = new(new HashSet<string>(StringComparer.Ordinal), false);
    }

    /// <summary>One validation: the direction and the <c>$ref</c>s being expanded at each location (cycle guard).</summary>
    private sealed class Walk(SchemaValidator owner, SchemaDirection direction)
    {
        private readonly HashSet<string> _expanding = new(StringComparer.Ordinal);

        public void Check(JsonElement instance, JsonElement schema, string location, Scope scope, List<ContractProblem> problems)
        {
            if (schema.ValueKind == JsonValueKind.False)
            {
                problems.Add(new(location, "no value is allowed here"));
                return;
            }

            if (schema.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            if (schema.TryGetProperty("$ref", out var reference))
            {
                FollowReference(instance, reference.GetString() ?? string.Empty, location, scope, problems);
                return;
            }

            if (instance.ValueKind == JsonValueKind.Null)
            {
                CheckNull(schema, location, scope, problems);
                return;
            }

            if (schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
            {
                var name = type.GetString()!;
                if (!TypeMatches(name, instance, location, problems))
                {
                    return;
                }
            }

            CheckEnum(instance, schema, location, problems);
            switch (instance.ValueKind)
            {
                case JsonValueKind.String:
                    CheckString(instance.GetString()!, schema, location, problems);
                    break;
                case JsonValueKind.Number:
                    CheckNumber(instance, schema, location, problems);
                    break;
                case JsonValueKind.Array:
                    CheckArray(instance, schema, location, problems);
                    break;
                case JsonValueKind.Object:
                    CheckObject(instance, schema, location, scope, problems);
                    break;
            }

            CheckCompositions(instance, schema, location, scope, problems);
        }

        private void FollowReference(JsonElement instance, string reference, string location, Scope scope, List<ContractProblem> problems)
        {
            if (JsonPointer.Resolve(owner._document, reference) is not { } target)
            {
                problems.Add(new(location, $"the schema's $ref {reference} leads nowhere in the document"));
                return;
            }

            var key = reference + "@" + location;
            if (!_expanding.Add(key))
            {
                problems.Add(new(location, $"the schema refers to itself through {reference} without reaching a value (reference cycle)"));
                return;
            }

            try
            {
                Check(instance, target, location, scope, problems);
            }
            finally
            {
                _expanding.Remove(key);
            }
        }

        private void CheckNull(JsonElement schema, string location, Scope scope, List<ContractProblem> problems)
        {
            if (schema.TryGetProperty("nullable", out var nullable) && nullable.ValueKind == JsonValueKind.True)
            {
                return;
            }

            if (schema.TryGetProperty("type", out var type))
            {
                problems.Add(new(location, $"null is not allowed (type {JsonValues.Show(type)}, not nullable)"));
                return;
            }

            CheckEnum(JsonValues.Null, schema, location, problems);
            CheckCompositions(JsonValues.Null, schema, location, scope, problems);
        }

        private static bool TypeMatches(string type, JsonElement instance, string location, List<ContractProblem> problems)
        {
            var matches = type switch
            {
                "string" => instance.ValueKind == JsonValueKind.String,
                "number" => instance.ValueKind == JsonValueKind.Number,
                "integer" => instance.ValueKind == JsonValueKind.Number && JsonValues.IsIntegral(instance),
                "boolean" => instance.ValueKind is JsonValueKind.True or JsonValueKind.False,
                "array" => instance.ValueKind == JsonValueKind.Array,
                "object" => instance.ValueKind == JsonValueKind.Object,
                _ => false,
            };
            if (!matches)
            {
                var known = type is "string" or "number" or "integer" or "boolean" or "array" or "object";
                problems.Add(new(location, known
                    ? $"expected {type}, got {JsonValues.Describe(instance)}"
                    : $"the schema declares the unknown type {JsonValues.Quote(type)}"));
            }

            return matches;
        }

        private static void CheckEnum(JsonElement instance, JsonElement schema, string location, List<ContractProblem> problems)
        {
            if (!schema.TryGetProperty("enum", out var allowed) || allowed.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            if (!allowed.EnumerateArray().Any(value => JsonValues.AreEqual(value, instance)))
            {
                var list = string.Join(", ", allowed.EnumerateArray().Select(JsonValues.Show));
                problems.Add(new(location, $"{JsonValues.Show(instance)} is not one of the allowed values {list}"));
            }
        }

        private void CheckString(string value, JsonElement schema, string location, List<ContractProblem> problems)
        {
            var length = value.EnumerateRunes().Count();
            if (Integer(schema, "minLength") is { } minLength && length < minLength)
            {
                problems.Add(new(location, $"{JsonValues.Quote(value)} is shorter than minLength {minLength}"));
            }

            if (Integer(schema, "maxLength") is { } maxLength && length > maxLength)
            {
                problems.Add(new(location, $"string of {length} characters is longer than maxLength {maxLength}"));
            }

            if (schema.TryGetProperty("pattern", out var pattern) && pattern.ValueKind == JsonValueKind.String)
            {
                var regex = owner.Pattern(pattern.GetString()!);
                if (regex is null)
                {
                    problems.Add(new(location, $"the schema's pattern {JsonValues.Quote(pattern.GetString()!)} is not a valid regular expression"));
                }
                else if (!regex.IsMatch(value))
                {
                    problems.Add(new(location, $"{JsonValues.Quote(value)} does not match the pattern {JsonValues.Quote(pattern.GetString()!)}"));
                }
            }

            if (schema.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String
                && !StringFormats.Matches(format.GetString()!, value))
            {
                problems.Add(new(location, $"{JsonValues.Quote(value)} is not a valid {format.GetString()}"));
            }
        }

        private static void CheckNumber(JsonElement number, JsonElement schema, string location, List<ContractProblem> problems)
        {
            var shown = number.GetRawText();
            if (Bound(schema, "minimum") is { } minimum)
            {
                var exclusive = schema.TryGetProperty("exclusiveMinimum", out var ex) && ex.ValueKind == JsonValueKind.True;
                var compared = Compare(number, minimum);
                if (compared < 0 || (exclusive && compared == 0))
                {
                    problems.Add(new(location, $"{shown} is below the {(exclusive ? "exclusive " : string.Empty)}minimum {minimum.GetRawText()}"));
                }
            }

            if (Bound(schema, "maximum") is { } maximum)
            {
                var exclusive = schema.TryGetProperty("exclusiveMaximum", out var ex) && ex.ValueKind == JsonValueKind.True;
                var compared = Compare(number, maximum);
                if (compared > 0 || (exclusive && compared == 0))
                {
                    problems.Add(new(location, $"{shown} is above the {(exclusive ? "exclusive " : string.Empty)}maximum {maximum.GetRawText()}"));
                }
            }

            if (Bound(schema, "multipleOf") is { } multipleOf && number.TryGetDecimal(out var value) && multipleOf.TryGetDecimal(out var step)
                && step > 0 && value % step != 0)
            {
                problems.Add(new(location, $"{shown} is not a multiple of {multipleOf.GetRawText()}"));
            }

            if (schema.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String
                && IntegerFormats.Contains(format.GetString()) && !FitsIntegerFormat(number, format.GetString()!))
            {
                problems.Add(new(location, $"{shown} is not a valid {format.GetString()}"));
            }
        }

        private static bool FitsIntegerFormat(JsonElement number, string format)
        {
            if (!JsonValues.IsIntegral(number) || !number.TryGetDecimal(out var value))
            {
                return false;
            }

            return format switch
            {
                "int32" => value is >= int.MinValue and <= int.MaxValue,
                "int64" => value is >= long.MinValue and <= long.MaxValue,
                "uint32" => value is >= 0 and <= uint.MaxValue,
                _ => value is >= 0 and <= ulong.MaxValue,
            };
        }

        private void CheckArray(JsonElement array, JsonElement schema, string location, List<ContractProblem> problems)
        {
            var count = array.GetArrayLength();
            if (Integer(schema, "minItems") is { } minItems && count < minItems)
            {
                problems.Add(new(location, $"array of {count} has fewer than minItems {minItems}"));
            }

            if (Integer(schema, "maxItems") is { } maxItems && count > maxItems)
            {
                problems.Add(new(location, $"array of {count} has more than maxItems {maxItems}"));
            }

            var items = array.EnumerateArray().ToList();
            if (schema.TryGetProperty("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    if (items.Take(i).Any(earlier => JsonValues.AreEqual(earlier, items[i])))
                    {
                        problems.Add(new(JsonPointer.Append(location, i), "repeats an earlier item (uniqueItems)"));
                    }
                }
            }

            if (schema.TryGetProperty("items", out var itemSchema))
            {
                for (var i = 0; i < items.Count; i++)
                {
                    Check(items[i], itemSchema, JsonPointer.Append(location, i), Scope.Root, problems);
                }
            }
        }

        private void CheckObject(JsonElement instance, JsonElement schema, string location, Scope scope, List<ContractProblem> problems)
        {
            var present = instance.EnumerateObject().ToList();
            if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
            {
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()).OfType<string>())
                {
                    if (!instance.TryGetProperty(name, out _))
                    {
                        problems.Add(new(location, $"required property {JsonValues.Quote(name)} is missing"));
                    }
                }
            }

            var hasProperties = schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object;
            foreach (var property in present)
            {
                if (hasProperties && properties.TryGetProperty(property.Name, out var propertySchema))
                {
                    Check(property.Value, propertySchema, JsonPointer.Append(location, property.Name), Scope.Root, problems);
                }
            }

            var declared = Declared(schema, scope);
            var extras = present.Where(p => !declared.Contains(p.Name)).ToList();
            schema.TryGetProperty("additionalProperties", out var additional);
            switch (additional.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var extra in extras)
                    {
                        Check(extra.Value, additional, JsonPointer.Append(location, extra.Name), Scope.Root, problems);
                    }

                    break;
                case JsonValueKind.False:
                    foreach (var extra in extras)
                    {
                        problems.Add(new(JsonPointer.Append(location, extra.Name), $"property {JsonValues.Quote(extra.Name)} is not allowed (additionalProperties: false){NameSuggestion.For(extra.Name, declared)}"));
                    }

                    break;
                case JsonValueKind.Undefined when direction == SchemaDirection.Request && !scope.IsAllOfMember && declared.Count > 0 && !DefersToBranches(schema):
                    foreach (var extra in extras)
                    {
                        problems.Add(new(JsonPointer.Append(location, extra.Name), $"unknown property {JsonValues.Quote(extra.Name)}{NameSuggestion.For(extra.Name, declared)}; the schema declares {string.Join(", ", declared.Order(StringComparer.Ordinal))}"));
                    }

                    break;
            }

            if (Integer(schema, "minProperties") is { } minProperties && present.Count < minProperties)
            {
                problems.Add(new(location, $"object with {present.Count} properties has fewer than minProperties {minProperties}"));
            }

            if (Integer(schema, "maxProperties") is { } maxProperties && present.Count > maxProperties)
            {
                problems.Add(new(location, $"object with {present.Count} properties has more than maxProperties {maxProperties}"));
            }
        }

        private void CheckCompositions(JsonElement instance, JsonElement schema, string location, Scope scope, List<ContractProblem> problems)
        {
            var hasAllOf = schema.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array;
            var hasAnyOf = schema.TryGetProperty("anyOf", out var anyOf) && anyOf.ValueKind == JsonValueKind.Array;
            var hasOneOf = schema.TryGetProperty("oneOf", out var oneOf) && oneOf.ValueKind == JsonValueKind.Array;
            if (!hasAllOf && !hasAnyOf && !hasOneOf)
            {
                return;
            }

            var known = instance.ValueKind == JsonValueKind.Object ? Declared(schema, scope) : scope.Known;
            if (hasAllOf)
            {
                foreach (var member in allOf.EnumerateArray())
                {
                    Check(instance, member, location, new Scope(known, IsAllOfMember: true), problems);
                }
            }

            if (hasAnyOf)
            {
                var trials = Trials(instance, anyOf, location, known);
                if (!trials.Any(t => t.Count == 0))
                {
                    Report(instance, problems, location, trials, anyOf, $"matches none of the {trials.Count} anyOf alternatives");
                }
            }

            if (hasOneOf)
            {
                var trials = Trials(instance, oneOf, location, known);
                var passing = Enumerable.Range(0, trials.Count).Where(i => trials[i].Count == 0).ToList();
                if (passing.Count == 0)
                {
                    Report(instance, problems, location, trials, oneOf, $"matches none of the {trials.Count} oneOf alternatives");
                }
                else if (passing.Count > 1)
                {
                    var names = string.Join(", ", passing.Select(i => BranchName(oneOf[i], i)));
                    problems.Add(new(location, $"matches {passing.Count} of the oneOf alternatives ({names}); exactly one must match"));
                }
            }
        }

        private List<List<ContractProblem>> Trials(JsonElement instance, JsonElement branches, string location, IReadOnlySet<string> known)
        {
            var trials = new List<List<ContractProblem>>();
            foreach (var branch in branches.EnumerateArray())
            {
                var trial = new List<ContractProblem>();
                Check(instance, branch, location, new Scope(known, IsAllOfMember: false), trial);
                trials.Add(trial);
            }

            return trials;
        }

        /// <summary>
        /// Adds the summary and the problems of the closest alternative: the one declaring most of the object's
        /// properties, then the one with the fewest problems.
        /// </summary>
        private void Report(JsonElement instance, List<ContractProblem> problems, string location, List<List<ContractProblem>> trials, JsonElement branches, string summary)
        {
            if (trials.Count == 0)
            {
                problems.Add(new(location, summary));
                return;
            }

            int Undeclared(int i)
            {
                if (instance.ValueKind != JsonValueKind.Object)
                {
                    return 0;
                }

                var declared = Declared(branches[i], Scope.Root);
                return instance.EnumerateObject().Count(p => !declared.Contains(p.Name));
            }

            var closest = Enumerable.Range(0, trials.Count).OrderBy(Undeclared).ThenBy(i => trials[i].Count).First();
            problems.Add(new(location, $"{summary}; closest is {BranchName(branches[closest], closest)}, whose problems follow"));
            problems.AddRange(trials[closest]);
        }

        private static string BranchName(JsonElement branch, int index) =>
            branch.ValueKind == JsonValueKind.Object && branch.TryGetProperty("$ref", out var reference) && reference.GetString() is { } text
                ? $"#{index} ({text[(text.LastIndexOf('/') + 1)..]})"
                : $"#{index}";

        /// <summary>The property names an object schema declares: its own, its allOf members' (through refs) and its enclosing schemas'.</summary>
        private HashSet<string> Declared(JsonElement schema, Scope scope)
        {
            var names = new HashSet<string>(scope.Known, StringComparer.Ordinal);
            var visited = new HashSet<string>(StringComparer.Ordinal);
            Collect(schema);
            return names;

            void Collect(JsonElement s)
            {
                if (s.ValueKind != JsonValueKind.Object)
                {
                    return;
                }

                if (s.TryGetProperty("$ref", out var reference))
                {
                    var text = reference.GetString() ?? string.Empty;
                    if (visited.Add(text) && JsonPointer.Resolve(owner._document, text) is { } target)
                    {
                        Collect(target);
                    }

                    return;
                }

                if (s.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
                {
                    names.UnionWith(properties.EnumerateObject().Select(p => p.Name));
                }

                if (s.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array)
                {
                    foreach (var member in allOf.EnumerateArray())
                    {
                        Collect(member);
                    }
                }
            }
        }

        /// <summary>Whether undeclared properties are for oneOf/anyOf branches to judge (the schema or an allOf member has branches).</summary>
        private bool DefersToBranches(JsonElement schema)
        {
            var visited = new HashSet<string>(StringComparer.Ordinal);
            return Has(schema);

            bool Has(JsonElement s)
            {
                if (s.ValueKind != JsonValueKind.Object)
                {
                    return false;
                }

                if (s.TryGetProperty("$ref", out var reference))
                {
                    var text = reference.GetString() ?? string.Empty;
                    return visited.Add(text) && JsonPointer.Resolve(owner._document, text) is { } target && Has(target);
                }

                return s.TryGetProperty("oneOf", out _) || s.TryGetProperty("anyOf", out _)
                    || (s.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array && allOf.EnumerateArray().Any(Has));
            }
        }

        private static long? Integer(JsonElement schema, string keyword) =>
            schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : null;

        private static JsonElement? Bound(JsonElement schema, string keyword) =>
            schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.Number ? value : null;

        private static int Compare(JsonElement number, JsonElement bound) =>
            number.TryGetDecimal(out var a) && bound.TryGetDecimal(out var b)
                ? a.CompareTo(b)
                : number.GetDouble().CompareTo(bound.GetDouble());
    }
}
