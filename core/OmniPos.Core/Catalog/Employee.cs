namespace OmniPos.Core.Catalog;

public sealed record Employee(string EmployeeId, string StoreId, string Name, string Role);
