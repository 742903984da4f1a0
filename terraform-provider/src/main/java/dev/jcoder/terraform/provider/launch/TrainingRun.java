package dev.jcoder.terraform.provider.launch;

import com.google.protobuf.ByteString;
import dev.jcoder.terraform.provider.CoderProvider;
import dev.jcoder.terraform.provider.cty.CtyType;
import dev.jcoder.terraform.provider.cty.MsgpackCodec;
import dev.jcoder.terraform.provider.cty.Value;
import dev.jcoder.terraform.provider.protocol.goplugin.GRPCControllerGrpc;
import dev.jcoder.terraform.provider.protocol.goplugin.GoPlugin;
import dev.jcoder.terraform.provider.protocol.tfplugin6.ProviderGrpc;
import dev.jcoder.terraform.provider.protocol.tfplugin6.Tfplugin6;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A build-time training run for the JDK AOT cache of the launched provider: it serves over mTLS
 * exactly as under Terraform and drives the RPCs of a plan and an apply through a real gRPC
 * client, so the classes of a launch are loaded and linked once, at build time, not per launch.
 * Terraform cannot do the training itself: it kills the plugin 2 s after Shutdown, before the JVM
 * could write the cache.
 */
final class TrainingRun {

  private TrainingRun() {}

  static void run() throws Exception {
    SelfSignedCertificate client = SelfSignedCertificate.generate();
    String clientPem = "-----BEGIN CERTIFICATE-----\n"
        + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(client.der())
        + "\n-----END CERTIFICATE-----\n";
    LaunchedProvider.Served served = LaunchedProvider.serve(Map.of(
        "PLUGIN_CLIENT_CERT", clientPem,
        "CODER_AGENT_SCRIPT_linux_amd64", "curl ${ACCESS_URL}bin/agent"));
    ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", served.address().getPort())
        .sslContext(GrpcSslContexts.configure(
                io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder.forClient()
                    .keyManager(client.keyPair().getPrivate(), client.certificate()),
                SslProvider.JDK)
            .trustManager(served.certificate().certificate())
            .build())
        .build();
    try {
      ProviderGrpc.ProviderBlockingStub provider = ProviderGrpc.newBlockingStub(channel);
      CoderProvider registry = CoderProvider.instance();
      provider.getProviderSchema(Tfplugin6.GetProviderSchema.Request.getDefaultInstance());
      CtyType providerType = registry.providerSchema().type();
      provider.validateProviderConfig(Tfplugin6.ValidateProviderConfig.Request.newBuilder()
          .setConfig(dynamic(providerType, object(Map.of()))).build());
      provider.configureProvider(Tfplugin6.ConfigureProvider.Request.newBuilder()
          .setConfig(dynamic(providerType, object(Map.of("url", Value.string("http://localhost:3000"))))).build());
      for (String dataSource : registry.dataSources().keySet()) {
        CtyType type = registry.dataSource(dataSource).orElseThrow().schema().type();
        Value config = object(Map.of(
            "name", Value.string("train"), "id", Value.string("github"), "env", Value.string("TRAIN"),
            "help_message", Value.string("train")));
        provider.validateDataResourceConfig(Tfplugin6.ValidateDataResourceConfig.Request.newBuilder()
            .setTypeName(dataSource).setConfig(dynamic(type, config)).build());
        provider.readDataSource(Tfplugin6.ReadDataSource.Request.newBuilder()
            .setTypeName(dataSource).setConfig(dynamic(type, config)).build());
      }
      CtyType agentType = registry.resource("coder_agent").orElseThrow().schema().type();
      Value agent = object(Map.of("arch", Value.string("amd64"), "os", Value.string("linux"),
          "metadata", Value.list(java.util.List.of()), "display_apps", Value.list(java.util.List.of()),
          "resources_monitoring", Value.list(java.util.List.of())));
      provider.validateResourceConfig(Tfplugin6.ValidateResourceConfig.Request.newBuilder()
          .setTypeName("coder_agent").setConfig(dynamic(agentType, agent)).build());
      var plan = provider.planResourceChange(Tfplugin6.PlanResourceChange.Request.newBuilder()
          .setTypeName("coder_agent")
          .setPriorState(dynamic(agentType, Value.NULL))
          .setProposedNewState(dynamic(agentType, agent))
          .setConfig(dynamic(agentType, agent)).build());
      var apply = provider.applyResourceChange(Tfplugin6.ApplyResourceChange.Request.newBuilder()
          .setTypeName("coder_agent")
          .setPriorState(dynamic(agentType, Value.NULL))
          .setPlannedState(plan.getPlannedState())
          .setConfig(dynamic(agentType, agent)).build());
      provider.upgradeResourceState(Tfplugin6.UpgradeResourceState.Request.newBuilder()
          .setTypeName("coder_agent").setVersion(1)
          .setRawState(Tfplugin6.RawState.newBuilder().setJson(ByteString.copyFromUtf8(
              "{\"arch\":\"amd64\",\"os\":\"linux\",\"id\":\"x\",\"metadata\":[]}"))).build());
      provider.readResource(Tfplugin6.ReadResource.Request.newBuilder()
          .setTypeName("coder_agent").setCurrentState(apply.getNewState()).build());
      provider.planResourceChange(Tfplugin6.PlanResourceChange.Request.newBuilder()
          .setTypeName("coder_agent")
          .setPriorState(apply.getNewState())
          .setProposedNewState(dynamic(agentType, Value.NULL))
          .setConfig(dynamic(agentType, Value.NULL)).build());
      GRPCControllerGrpc.newBlockingStub(channel).shutdown(GoPlugin.Empty.getDefaultInstance());
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      served.stop();
    }
  }

  private static Value object(Map<String, Value> attributes) {
    return new Value.ObjectValue(attributes);
  }

  private static Tfplugin6.DynamicValue dynamic(CtyType type, Value value) {
    return Tfplugin6.DynamicValue.newBuilder().setMsgpack(ByteString.copyFrom(MsgpackCodec.encode(type, value))).build();
  }
}
