using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using NetGen.Generators.Model;

namespace NetGen.Generators.Analysis;

/// <summary>
/// A network declaration as written: the class, its <c>[Network]</c> arguments and its layer attributes in source
/// order, before validation. It holds symbols, so it lives only within one analysis.
/// </summary>
internal sealed class NetworkDeclaration
{
    public const string NetworkAttributeName = "NetGen.NetworkAttribute";

    public NetworkDeclaration(INamedTypeSymbol type, AttributeData? network, IReadOnlyList<LayerDeclaration> layers, bool hasUnresolvedArguments)
    {
        Type = type;
        Network = network;
        Layers = layers;
        HasUnresolvedArguments = hasUnresolvedArguments;
        var arguments = network is null ? (AttributeArguments?)null : new AttributeArguments(network);
        Inputs = arguments?.Named("Inputs", 0) ?? default;
        Steps = arguments?.Named("Steps", 0) ?? new Argument<int>("Steps", 0, false);
        Channels = arguments?.Named("Channels", 0) ?? new Argument<int>("Channels", 0, false);
        Height = arguments?.Named("Height", 0) ?? new Argument<int>("Height", 0, false);
        Width = arguments?.Named("Width", 0) ?? new Argument<int>("Width", 0, false);
        Loss = arguments?.NamedEnum("Loss", LossKind.MeanSquaredError) ?? default;
        Precision = arguments?.NamedEnum("Precision", PrecisionKind.Single) ?? default;
        InputMeanSquare = arguments?.Named("InputMeanSquare", 1.0) ?? new Argument<double>("InputMeanSquare", 1.0, false);
    }

    public INamedTypeSymbol Type { get; }

    /// <summary>The <c>[Network]</c> attribute, or <see langword="null"/> when only layer attributes are present.</summary>
    public AttributeData? Network { get; }

    /// <summary>The layer attributes in source order, block starts and ends included.</summary>
    public IReadOnlyList<LayerDeclaration> Layers { get; }

    /// <summary>True when an argument does not bind (half-typed code): the compiler reports that, NetGen stays silent.</summary>
    public bool HasUnresolvedArguments { get; }

    public Argument<int> Inputs { get; }

    /// <summary>The steps of an input sequence; 0 (not written) for a vector input.</summary>
    public Argument<int> Steps { get; }

    /// <summary>An input image's channels; 0 (not written) for 1 when the input is an image.</summary>
    public Argument<int> Channels { get; }

    /// <summary>An input image's height; 0 (not written) for a vector or a sequence.</summary>
    public Argument<int> Height { get; }

    /// <summary>An input image's width; 0 (not written) for a vector or a sequence.</summary>
    public Argument<int> Width { get; }

    /// <summary>Whether the input is declared as an image: one of Channels, Height and Width written.</summary>
    public bool IsImage => Channels.IsExplicit || Height.IsExplicit || Width.IsExplicit;

    /// <summary>What one sample of the network's input is.</summary>
    public Shape InputShape => IsImage
        ? Shape.Image(Channels.IsExplicit ? Channels.Value : 1, Height.Value, Width.Value)
        : new(Inputs.Value, Steps.Value);

    public Argument<LossKind> Loss { get; }

    public Argument<PrecisionKind> Precision { get; }

    public Argument<double> InputMeanSquare { get; }
}
