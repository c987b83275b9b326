using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;
using OmniPos.Core.Devices;
using OmniPos.Core.Inventory;
using OmniPos.Core.Payments;
using OmniPos.Core.Pricing;
using OmniPos.Core.Returns;
using OmniPos.Core.Sales;

namespace OmniPos.Core.Events;

/// <summary>What happened. The JSON <c>type</c> names the kind; <see cref="EventTypes"/> lists them.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SaleRecorded), EventTypes.Sale)]
[JsonDerivedType(typeof(ReturnRecorded), EventTypes.Return)]
[JsonDerivedType(typeof(PaymentCaptured), EventTypes.PaymentCapture)]
[JsonDerivedType(typeof(PaymentRefunded), EventTypes.PaymentRefund)]
[JsonDerivedType(typeof(DeviceEventRecorded), EventTypes.DeviceEvent)]
[JsonDerivedType(typeof(InventoryMoved), EventTypes.InventoryMovement)]
[JsonDerivedType(typeof(PriceChanged), EventTypes.PriceChange)]
public abstract record EventBody
{
    private static readonly FrozenDictionary<Type, string> TypeNames = typeof(EventBody)
        .GetCustomAttributes<JsonDerivedTypeAttribute>().ToFrozenDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    /// <summary>The stable type name stored with the event and read by landing: the JSON <c>type</c> above.</summary>
    [JsonIgnore]
    public string Type => TypeNames[GetType()];
}
