"""An ECS stack with the mistakes ECS Guard finds (do not deploy it).

Run `npx ecs-guard examples/cdk-python` to see the findings, or open this file in VS Code.
"""
from aws_cdk import Stack
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
