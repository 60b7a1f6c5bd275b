namespace Linli.Bench;

// placeholder: replaced by imp's file on merge
public static class ImportScenario
{
    public static async Task<ScenarioResult> RunAsync(string pgServerConnection, int rows, CancellationToken ct)
    {
        await Task.Yield();
        throw new NotImplementedException("the import scenario lands with the imp helper's ImportScenario.cs");
    }
}
