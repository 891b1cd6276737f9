using GridBot.Fuzz;
using SharpFuzz;

// One process per AFL run: the first argument picks the input surface, AFL feeds the bytes on stdin.
if (args.Length != 1 || !FuzzTargets.All.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: GridBot.Fuzz <target>; targets: {string.Join(", ", FuzzTargets.All.Keys)}");
    return 2;
}

// Out of process: a StackOverflowException kills the child, which AFL then records as a crash.
Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target(buffer.ToArray());
});
return 0;
