using System.Numerics;
using System.Runtime.Intrinsics;

namespace NetGen.Tests.Fallbacks;

/// <summary>
/// That this process runs the fallback it is meant to: the .runsettings variable reached the runtime. Without it, every
/// other test here would take the AVX-512 paths again and prove nothing new.
/// </summary>
public class VectorWidthTests
{
    [Fact]
    public void The_jit_uses_the_vector_width_this_project_tests()
    {
        Assert.False(Vector512.IsHardwareAccelerated, "AVX-512 is in use: the .runsettings variable (DOTNET_EnableAVX512=0 or DOTNET_EnableAVX2=0) did not reach the test process");
#if VECTOR128
        Assert.False(Vector256.IsHardwareAccelerated, "256-bit vectors are in use: DOTNET_EnableAVX2=0 did not reach the test process");
        Assert.True(Vector128.IsHardwareAccelerated);
        Assert.Equal(16, Vector<byte>.Count);
#else
        Assert.True(Vector256.IsHardwareAccelerated, "AVX2 is not in use: this machine cannot test the 256-bit paths");
        Assert.Equal(32, Vector<byte>.Count);
#endif
    }
}
