"""An ECS stack with the mistakes ECS Guard finds (do not deploy it).

Run `npx ecs-guard examples/cdk-python` to see the findings, or open this file in VS Code.
"""
from aws_cdk import SecretValue, Stack
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_ecs as ecs
from aws_cdk import aws_ecs_patterns as ecs_patterns
from aws_cdk import aws_iam as iam
from constructs import Construct

IMAGE_TAG = "latest"
DB_PASSWORD = "correct-horse-battery-staple"


class InsecureStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc(self, "Vpc", max_azs=2)
        cluster = ecs.Cluster(self, "Cluster", vpc=vpc, container_insights=False)

        # A monitoring agent on EC2, sharing the host's network and process namespace.
        agent_task = ecs.Ec2TaskDefinition(
            self,
            "AgentTask",
            network_mode=ecs.NetworkMode.HOST,
            pid_mode=ecs.PidMode.HOST,
        )
        agent_params = ecs.LinuxParameters(self, "AgentParams")
        agent_task.add_container(
            "agent",
            image=ecs.ContainerImage.from_registry(f"datadog/agent:{IMAGE_TAG}"),
            memory_limit_mib=256,
            privileged=True,
            linux_parameters=agent_params,
            environment={
                "DD_SITE": "datadoghq.eu",
                "AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE",
            },
        )
        agent_params.add_capabilities(ecs.Capability.SYS_ADMIN)
        agent_task.add_volume(name="docker", host=ecs.Host(source_path="/var/run/docker.sock"))
        agent_task.add_to_task_role_policy(iam.PolicyStatement(actions=["*"], resources=["*"]))

        # The web front end from ecs-patterns: public IPs, a secret in plain text.
        ecs_patterns.ApplicationLoadBalancedFargateService(
            self,
            "Web",
            cluster=cluster,
            assign_public_ip=True,
            task_image_options=ecs_patterns.ApplicationLoadBalancedTaskImageOptions(
                image=ecs.ContainerImage.from_registry("nginx"),
                environment={
                    "DB_PASSWORD": DB_PASSWORD,
                    "LOG_LEVEL": "info",
                },
            ),
        )

        # A worker whose task role may do anything with S3.
        worker = ecs.FargateTaskDefinition(self, "WorkerTask", memory_limit_mib=512, cpu=256)
        worker.add_container(
            "worker",
            image=ecs.ContainerImage.from_registry("111122223333.dkr.ecr.eu-west-1.amazonaws.com/worker:2.4.1"),
            user="root",
            readonly_root_filesystem=False,
            logging=ecs.LogDrivers.aws_logs(stream_prefix="worker"),
        )
        worker.add_to_task_role_policy(iam.PolicyStatement(actions=["s3:*"], resources=["*"]))
        ecs.FargateService(self, "WorkerService", cluster=cluster, task_definition=worker, assign_public_ip=True)

        # A log shipper on EC2 in the default bridge mode: the host's IPC namespace, no memory
        # limit, seccomp off, a Splunk token in plain text, an EFS volume read over plain NFS, and
        # one role for the application and the ECS agent.
        shipper_role = iam.Role(self, "ShipperRole", assumed_by=iam.ServicePrincipal("ecs-tasks.amazonaws.com"))
        shipper_task = ecs.Ec2TaskDefinition(
            self,
            "ShipperTask",
            ipc_mode=ecs.IpcMode.HOST,
            task_role=shipper_role,
            execution_role=shipper_role,
        )
        shipper_params = ecs.LinuxParameters(self, "ShipperParams")
        shipper_params.drop_capabilities(ecs.Capability.NET_RAW)
        shipper_task.add_container(
            "shipper",
            image=ecs.ContainerImage.from_registry("public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0"),
            linux_parameters=shipper_params,
            docker_security_options=["seccomp:unconfined"],
            logging=ecs.LogDrivers.splunk(
                token=SecretValue.unsafe_plain_text("5a3e8c1f-9b2d-4e7a-8c6f-0d1e2f3a4b5c"),
                url="https://splunk.example.com:8088",
            ),
        )
        shipper_task.add_volume(
            name="spool",
            efs_volume_configuration=ecs.EfsVolumeConfiguration(file_system_id="fs-0123456789abcdef0"),
        )
