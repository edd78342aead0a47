namespace Alchemiser.Dsl.Binding;

/// <summary>
/// "Did you mean" suggestions for unknown function names and parameter keys (DSL.md §3 rules 2 and 5): the candidate
/// with the smallest Levenshtein distance, ties broken by ordinal order, so the answer never depends on table order.
/// </summary>
internal static class NameSuggestions
{
    /// <summary>The closest candidate to <paramref name="name"/>; <paramref name="candidates"/> must not be empty.</summary>
    public static string Closest(string name, IReadOnlyList<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Levenshtein(name, candidate);
            if (distance < bestDistance
                || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best ?? throw new ArgumentException("no candidates to suggest from", nameof(candidates));
    }

    /// <summary>Edit distance (insert, delete, substitute one UTF-16 unit) between two strings, two-row dynamic programme.</summary>
    public static int Levenshtein(string a, string b)
    {
        if (a.Length == 0)
        {
            return b.Length;
        }

        if (b.Length == 0)
        {
            return a.Length;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                var deletion = previous[j] + 1;
                var insertion = current[j - 1] + 1;
                current[j] = Math.Min(substitution, Math.Min(deletion, insertion));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
