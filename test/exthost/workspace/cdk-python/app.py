"""A batch job on EC2, insecure on purpose: ECS Guard's editor tests open this stack."""
from aws_cdk import Stack
from aws_cdk import aws_ecs as ecs
from aws_cdk import aws_iam as iam
from constructs import Construct


class BatchStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        task = ecs.Ec2TaskDefinition(self, "Batch", family="nightly-batch-py", ipc_mode=ecs.IpcMode.HOST)
        task.add_container(
            "batch",
            image=ecs.ContainerImage.from_registry("111122223333.dkr.ecr.eu-west-1.amazonaws.com/batch:3.1.0"),
            memory_limit_mib=512,
            user="1000",
            readonly_root_filesystem=False,
            command=["run", "--api-token", "f3c1d2e4b5a6978812ab34cd56ef7890"],
            environment={"DB_PASSWORD": "correct-horse-battery-staple"},
        )
        task.add_to_task_role_policy(iam.PolicyStatement(actions=["*"], resources=["*"]))
