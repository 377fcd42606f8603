using System.Runtime.CompilerServices;

// The tests check the parser's model directly (enum values, equality) without going through generated text.
[assembly: InternalsVisibleTo("DataGouv.Generator.Tests")]
[assembly: InternalsVisibleTo("DataGouv.Generator.Bench")]
