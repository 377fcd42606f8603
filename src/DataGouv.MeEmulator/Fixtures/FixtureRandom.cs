namespace DataGouv.MeEmulator.Fixtures;

/// <summary>
/// Deterministic randomness for fixtures. System.Random with an explicit seed is stable across runs and machines
/// (unlike string.GetHashCode/HashCode, which are randomised per process), so snapshots and counts are reproducible.
/// </summary>
internal sealed class FixtureRandom
{
    private readonly Random _random;

    public FixtureRandom(int seed, int index, int salt = 0) =>
        _random = new Random(unchecked(seed * 100_003 + index * 7_919 + salt * 31));

    public int Next(int maxExclusive) => _random.Next(maxExclusive);
    public int Next(int min, int maxExclusive) => _random.Next(min, maxExclusive);
    public bool Chance(int percent) => _random.Next(100) < percent;
    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A MongoDB-style ObjectId: 24 lowercase hex digits.</summary>
    public string ObjectId() => Hex(12);

    public string Hex(int bytes)
    {
        var buffer = new byte[bytes];
        _random.NextBytes(buffer);
        return Convert.ToHexStringLower(buffer);
    }

    public string Uuid()
    {
        var h = Hex(16);
        return $"{h[..8]}-{h[8..12]}-{h[12..16]}-{h[16..20]}-{h[20..]}";
    }

    /// <summary>A UTC date in [from, from + days) with a random microsecond part (udata dates usually carry one).</summary>
    public DateTimeOffset Date(DateTimeOffset from, int days)
    {
        var seconds = _random.NextInt64((long)days * 86_400);
        var micros = _random.Next(1, 1_000_000);
        return from.AddSeconds(seconds).AddTicks(micros * 10L);
    }
}
