namespace GridBot.Host.Deployment;

/// <summary><c>Deployment:Mode</c>: one host (the default), or several behind a load balancer.</summary>
public enum DeploymentMode
{
    Single,
    Multi,
}
