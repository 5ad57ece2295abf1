namespace Mokuhyo.Domain;

/// <summary>Something people edit: its version is checked on save so no edit silently overwrites another.</summary>
public interface IVersioned
{
    long Version { get; set; }
}
