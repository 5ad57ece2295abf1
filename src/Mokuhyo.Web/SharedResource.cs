namespace Mokuhyo.Web;

/// <summary>Marker for the shared resource files (Resources/SharedResource.*.resx) that hold every word the system writes.</summary>
public sealed class SharedResource;
